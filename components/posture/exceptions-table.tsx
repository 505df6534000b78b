'use client';
// Every exception, active first: what it accepts, who owns it, why, until when; admins change or end one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { exceptionResponseSchema, type ExceptionView } from '@/lib/posture/contract';
import { postureQueries } from '@/lib/posture/queries';

const STATE: Record<ExceptionView['state'], { tone: Tone; label: string }> = {
  active: { tone: 'info', label: 'Active' },
  expired: { tone: 'warning', label: 'Expired' },
  ended: { tone: 'neutral', label: 'Ended' },
};
const ORDER = { active: 0, expired: 1, ended: 2 };

export function ExceptionsTable({ exceptions, onChange }: { exceptions: ExceptionView[]; onChange: ((e: ExceptionView) => void) | null }) {
  const [ending, setEnding] = useState<ExceptionView | null>(null);
  const rows = [...exceptions].sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.createdAt - a.createdAt);
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-card">
      <table className="w-full text-sm">
        <caption className="sr-only">Posture exceptions</caption>
        <thead className="bg-surface-2 text-left text-xs text-muted">
          <tr>
            <th scope="col" className="w-[30%] px-4 py-2 font-medium">
              Accepts
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Reason
            </th>
            <th scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
              Owner
            </th>
            <th scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
              Until
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              State
            </th>
            {onChange ? (
              <th scope="col" className="px-4 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {rows.map((e) => (
            <tr key={e.id}>
              <td className="px-4 py-2.5">
                <span className="font-medium">{e.checkTitle ?? e.checkId}</span>
                <span className="mt-0.5 block text-xs text-muted [overflow-wrap:anywhere]">{e.evidenceKey ?? 'The whole check'}</span>
              </td>
              <td className="px-4 py-2.5 break-words">
                {e.reason}
                <span className="mt-0.5 block text-xs text-muted">
                  By {e.createdBy} on {new Date(e.createdAt).toISOString().slice(0, 10)}
                  {e.endedBy ? `; ended by ${e.endedBy}` : ''}
                </span>
              </td>
              <td className="min-w-32 px-4 py-2.5 break-words">{e.owner}</td>
              <td className="px-4 py-2.5 whitespace-nowrap tabular-nums">{e.expiresOn}</td>
              <td className="px-4 py-2.5">
                <Badge tone={STATE[e.state].tone}>{STATE[e.state].label}</Badge>
              </td>
              {onChange ? (
                <td className="px-4 py-2 whitespace-nowrap">
                  {e.state === 'active' ? (
                    <div className="flex justify-end gap-1">
                      <Button size="sm" variant="ghost" onClick={() => onChange(e)}>
                        Change…
                      </Button>
                      <Button size="sm" variant="ghost-danger" onClick={() => setEnding(e)}>
                        End…
                      </Button>
                    </div>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <EndDialog exception={ending} onClose={() => setEnding(null)} />
    </div>
  );
}

function EndDialog({ exception, onClose }: { exception: ExceptionView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const end = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/posture/exceptions/${id}`, exceptionResponseSchema, { method: 'DELETE' }),
    onSuccess: async () => {
      toast('Exception ended: its findings count again');
      await queryClient.invalidateQueries({ queryKey: postureQueries.all() });
      onClose();
    },
  });
  return (
    <Dialog
      open={exception !== null}
      onClose={onClose}
      busy={end.isPending}
      title="End this exception now?"
      description="Its findings count again at once (as failing), and the end goes to the action log."
      footer={
        <>
          <Button onClick={onClose} disabled={end.isPending}>
            Cancel
          </Button>
          <Button variant="danger" pending={end.isPending} onClick={() => exception && end.mutate(exception.id)}>
            End exception
          </Button>
        </>
      }
    >
      {exception ? (
        <p className="text-sm [overflow-wrap:anywhere]">
          {exception.checkTitle ?? exception.checkId}: {exception.evidenceKey ?? 'the whole check'} (owner {exception.owner}, until{' '}
          {exception.expiresOn})
        </p>
      ) : null}
      {end.error ? <InlineStatus tone="danger">{end.error.message}</InlineStatus> : null}
    </Dialog>
  );
}
