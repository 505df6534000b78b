'use client';
// Revoking: one token with a plain confirmation; many only after the admin types how many. Both say which tokens
// (comment, owner, id) before, and the toast names them after.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ConfirmByTypingDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { bulkRevokeResponseSchema, revokeResponseSchema, type RevokeResult } from '@/lib/tokens/contract';
import { apiFetch } from '@/lib/query/fetch';
import { tokenQueries } from '@/lib/tokens/queries';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { ownerLabel } from './format';
import { count } from '@/lib/plural';
import { NAMED_IN_DIALOG, revokeSummary } from './revoke-summary';

function useRevoke(onDone: (results: RevokeResult[]) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]): Promise<RevokeResult[]> =>
      ids.length === 1
        ? [(await apiFetch(`/api/tokens/${encodeURIComponent(ids[0]!)}/revoke`, revokeResponseSchema, { method: 'POST', json: {} })).result]
        : (
            await apiFetch('/api/tokens/revoke', bulkRevokeResponseSchema, {
              method: 'POST',
              json: { tokenIds: ids, confirmCount: ids.length },
            })
          ).results,
    onSuccess: async (results) => {
      await queryClient.invalidateQueries({ queryKey: tokenQueries.all() });
      onDone(results);
    },
  });
}

export function RevokeDialog({ row, onClose }: { row: TokenRow | null; onClose: () => void }) {
  const toast = useToast();
  const revoke = useRevoke((results) => {
    const summary = revokeSummary(results, row ? [row] : []);
    toast(summary.message, summary.ok ? 'success' : 'info');
    onClose();
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Dialog
      open={row !== null}
      onClose={close}
      busy={revoke.isPending}
      title="Revoke token?"
      description={
        row ? (
          <>
            Owner {ownerLabel(row.owner)} · {row.comment || 'no comment'} · <code className="font-mono">{row.tokenId.slice(0, 12)}…</code>
          </>
        ) : null
      }
      footer={
        <>
          <Button onClick={close} disabled={revoke.isPending}>
            Cancel
          </Button>
          <Button variant="danger" pending={revoke.isPending} onClick={() => row && revoke.mutate([row.tokenId])}>
            Revoke token
          </Button>
        </>
      }
    >
      <p className="text-sm">Anything that uses this token stops working at once. This cannot be undone.</p>
      {revoke.error ? <InlineStatus tone="danger">{revoke.error.message}</InlineStatus> : null}
    </Dialog>
  );
}

export function BulkRevokeDialog({
  rows,
  open,
  onClose,
  onDone,
}: {
  rows: TokenRow[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const toast = useToast();
  const revoke = useRevoke((results) => {
    const summary = revokeSummary(results, rows);
    toast(summary.message, summary.ok ? 'success' : 'info');
    onDone();
  });
  const shown = rows.slice(0, NAMED_IN_DIALOG);
  return (
    <ConfirmByTypingDialog
      open={open}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
      title={`Revoke ${count(rows.length, 'token')}?`}
      description="Every workload that uses one of these tokens stops working at once. This cannot be undone."
      phrase={String(rows.length)}
      confirmLabel={`Revoke ${count(rows.length, 'token')}`}
      onConfirm={() => revoke.mutate(rows.map((r) => r.tokenId))}
      pending={revoke.isPending}
      error={revoke.error?.message ?? null}
    >
      <ul aria-label="Tokens to revoke" className="max-h-60 divide-y divide-border overflow-y-auto rounded-md border border-border text-sm">
        {shown.map((r) => (
          <li key={r.tokenId} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-1.5">
            <span className="min-w-0 break-words">
              {r.comment || <span className="text-muted">no comment</span>} <span className="text-muted">· {ownerLabel(r.owner)}</span>
            </span>
            <code className="font-mono text-xs text-muted">{r.tokenId.slice(0, 12)}…</code>
          </li>
        ))}
        {rows.length > shown.length ? (
          <li className="px-3 py-1.5 text-muted">and {count(rows.length - shown.length, 'more token')}</li>
        ) : null}
      </ul>
    </ConfirmByTypingDialog>
  );
}
