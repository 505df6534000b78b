import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/**
 * What a check could not collect, said plainly. A check that could not run is never shown as passed: the place of
 * its result holds this notice instead ("Not collected: Databricks refused: ...").
 */
export function DegradedNotice({ what, reason, action }: { what?: string; reason: string; action?: ReactNode }) {
  return (
    <div
      role="status"
      className="flex items-start gap-2.5 rounded-md border border-dashed border-warning/60 bg-warning-soft px-3 py-2.5 text-sm text-fg"
    >
      <span className="mt-0.5 shrink-0 text-warning">
        <AlertIcon />
      </span>
      <div className="min-w-0 flex-1 space-y-1">
        <p>
          <strong className="font-semibold">Not collected{what ? ` — ${what}` : ''}:</strong> <span className="break-words">{reason}</span>
        </p>
        {action ? <div>{action}</div> : null}
      </div>
    </div>
  );
}
