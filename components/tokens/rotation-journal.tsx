'use client';
// The rotation journal: rotations that need someone (old token still active, an unused new token to revoke, a check
// to repeat, a value shown once that waits for "I have stored it") or are still settling first, then the recent ones.
// Nothing here ever holds a token value.
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { tokenQueries } from '@/lib/tokens/queries';
import type { RotationView } from '@/lib/tokens/contract';
import { RotationOutcomeView } from './rotation-outcome-view';

const OPEN = new Set(['partial', 'needs_attention', 'awaiting_confirmation', 'verifying', 'in_progress']);
const RECENT = 8;

function Entry({ rotation, canRetry }: { rotation: RotationView; canRetry: boolean }) {
  return (
    <li className="space-y-1.5 border-b border-border pb-3 last:border-0 last:pb-0">
      <p className="text-xs text-muted">
        {new Date(rotation.updatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · {rotation.actor} · token{' '}
        <code className="font-mono">{rotation.tokenId.slice(0, 10)}…</code>
        {rotation.ownerName ? <> of {rotation.ownerName}</> : null}
      </p>
      <RotationOutcomeView rotation={rotation} canRetry={canRetry} />
    </li>
  );
}

export function RotationJournal({ canAct }: { canAct: boolean }) {
  const { data, error } = useQuery(tokenQueries.rotations());
  if (error)
    return (
      <Card title="Rotations">
        <p className="text-sm text-muted">The rotation journal could not be read: {error.message}</p>
      </Card>
    );
  const rotations = data?.rotations ?? [];
  const open = rotations.filter((r) => OPEN.has(r.outcome.status));
  const recent = rotations.filter((r) => !OPEN.has(r.outcome.status)).slice(0, RECENT);
  return (
    <Card
      title="Rotations"
      description="Every rotation is journalled before Brickwatch calls Databricks, so none is lost."
      actions={
        open.length ? <Badge tone="warning">{open.length === 1 ? '1 needs attention' : `${open.length} need attention`}</Badge> : null
      }
    >
      {rotations.length === 0 ? (
        <p className="text-sm text-muted">No rotations yet.</p>
      ) : (
        <div className="space-y-3">
          {open.length ? (
            <ul className="space-y-3">
              {open.map((r) => (
                <Entry key={r.id} rotation={r} canRetry={canAct} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Nothing needs attention.</p>
          )}
          {recent.length ? (
            <details>
              <summary className="cursor-pointer text-sm text-muted">Recent rotations ({recent.length})</summary>
              <ul className="mt-3 space-y-3">
                {recent.map((r) => (
                  <Entry key={r.id} rotation={r} canRetry={false} />
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
    </Card>
  );
}
