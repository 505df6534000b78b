'use client';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { ActorView } from '@/lib/secrets/contract';
import { KIND_LABEL, principalLabel } from './format';

const MARK: Record<ActorView['kind'], string> = { user: 'P', group: 'G', service_principal: 'SP', unknown: '?' };

/** A principal by name and kind; a person or service principal also shows the name ACLs use, and who has gone. */
export function PrincipalChip({ principal, detail = true }: { principal: ActorView; detail?: boolean }) {
  const label = principalLabel(principal);
  const gone = principal.status === 'deactivated' || principal.status === 'deleted';
  return (
    <span className="flex min-w-0 items-start gap-1.5">
      <span
        aria-hidden
        title={KIND_LABEL[principal.kind]}
        className={cn(
          'mt-px inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded px-1 text-[10px] font-semibold',
          principal.kind === 'group'
            ? 'bg-info-soft text-info'
            : principal.kind === 'service_principal'
              ? 'bg-accent-soft text-accent'
              : 'bg-surface-2 text-muted',
        )}
      >
        {MARK[principal.kind]}
      </span>
      <span className="sr-only">{KIND_LABEL[principal.kind]}: </span>
      <span className="min-w-0 leading-tight">
        <span className="flex flex-wrap items-center gap-x-1.5">
          <span className={cn('break-words', gone && 'text-muted line-through decoration-1')}>{label}</span>
          {gone ? <Badge tone="warning">{principal.status}</Badge> : null}
        </span>
        {detail && label !== principal.name ? (
          <span className="block font-mono text-xs whitespace-nowrap text-muted">{principal.name}</span>
        ) : null}
      </span>
    </span>
  );
}
