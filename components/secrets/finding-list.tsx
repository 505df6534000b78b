'use client';
import { RiskBadge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { ScopeSummary } from '@/lib/secrets/contract';

/** Each finding with its level and the reason in full. */
export function FindingList({ findings, partial }: { findings: ScopeSummary['findings']; partial: boolean }) {
  if (!findings.length)
    return partial ? (
      <p className="text-sm text-muted">
        No findings in what could be read; parts of this scope are hidden from this identity (see above).
      </p>
    ) : (
      <EmptyState title="No findings — this scope looks well kept" good className="py-6" />
    );
  return (
    <ul className="space-y-2.5">
      {findings.map((f) => (
        <li key={f.code} className="flex items-start gap-2.5 text-sm">
          <RiskBadge level={f.level} className="mt-px shrink-0" />
          <span className="min-w-0 break-words">{f.text}</span>
        </li>
      ))}
    </ul>
  );
}
