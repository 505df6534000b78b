'use client';
import { cn } from '@/components/ui/cn';
import { ownerKey } from '@/lib/tokens/rules/filters';
import type { TokenOwner } from '@/lib/tokens/rules/types';
import { OWNER_KIND_LABEL, ownerLabel } from './format';

const KIND_MARK: Record<TokenOwner['kind'], string> = { user: 'P', service_principal: 'SP', unknown: '?' };

/** The owner and their kind (whether they still exist is the caller's to show); clicking narrows the list to their tokens. */
export function OwnerChip({ owner, onSelect }: { owner: TokenOwner; onSelect?: (key: string) => void }) {
  const key = ownerKey(owner);
  const label = ownerLabel(owner);
  const inactive = owner.status === 'deactivated' || owner.status === 'deleted';
  return (
    <span className="flex min-w-0 items-start gap-1.5">
      <span
        aria-hidden
        title={OWNER_KIND_LABEL[owner.kind]}
        className={cn(
          'inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded px-1 text-[10px] font-semibold',
          owner.kind === 'service_principal' ? 'bg-accent-soft text-accent' : 'bg-surface-2 text-muted',
        )}
      >
        {KIND_MARK[owner.kind]}
      </span>
      <span className="sr-only">{OWNER_KIND_LABEL[owner.kind]}: </span>
      {onSelect && key ? (
        <button
          type="button"
          onClick={() => onSelect(key)}
          title={`Show only tokens of ${owner.name ?? label}`}
          className="min-w-0 rounded text-left break-words hover:underline"
        >
          {label}
        </button>
      ) : (
        <span className="min-w-0 break-words">{label}</span>
      )}
      {inactive ? <span className="sr-only"> ({owner.status})</span> : null}
    </span>
  );
}
