'use client';
// Revoking: one token with a plain confirmation; many only after the admin types how many.
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
  const revoke = useRevoke(() => {
    toast('Token revoked');
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
  ids,
  open,
  onClose,
  onDone,
}: {
  ids: string[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const toast = useToast();
  const revoke = useRevoke((results) => {
    const failed = results.filter((r) => r.status === 'failed');
    toast(
      failed.length
        ? `${results.length - failed.length} revoked, ${failed.length} failed (${failed[0]!.message})`
        : `${results.length} tokens revoked`,
      failed.length ? 'info' : 'success',
    );
    onDone();
  });
  return (
    <ConfirmByTypingDialog
      open={open}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
      title={`Revoke ${ids.length} tokens?`}
      description="Every workload that uses one of these tokens stops working at once. This cannot be undone."
      phrase={String(ids.length)}
      confirmLabel={`Revoke ${ids.length} tokens`}
      onConfirm={() => revoke.mutate(ids)}
      pending={revoke.isPending}
      error={revoke.error?.message ?? null}
    />
  );
}
