'use client';
// One reviewed change to masks or row filters: the server answers the exact statements for the parts given (a dry
// run), the dialog shows them, and the same parts are sent again to run them. The browser never sends SQL text.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { changeResponseSchema, type ChangeResponse } from '@/lib/data-protection/contract';
import { protectionQueries } from '@/lib/data-protection/queries';
import { apiFetch } from '@/lib/query/fetch';

export interface ChangeRequest {
  title: string;
  description?: ReactNode;
  endpoint: '/api/data-protection/masks' | '/api/data-protection/row-filters';
  method: 'POST' | 'DELETE';
  /** Null while the form above still lacks something. */
  body: Record<string, unknown> | null;
  confirmLabel: string;
  danger?: boolean;
  done: string;
}

const send = (r: ChangeRequest, dryRun: boolean) =>
  apiFetch(r.endpoint, changeResponseSchema, { method: r.method, json: { ...r.body, dryRun } });

/** The statements a dry run answered, and a button that runs exactly those parts. */
export function ReviewAndApply({ request, onDone, onCancel }: { request: ChangeRequest; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const preview = useMutation({ mutationFn: () => send(request, true) });
  const run = useMutation({
    mutationFn: () => send(request, false),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: protectionQueries.all() });
      await queryClient.invalidateQueries({ queryKey: ['grants'] });
      toast(request.done);
      onDone();
    },
  });
  const key = JSON.stringify(request.body);
  const { mutate: review, reset } = preview;
  useEffect(() => {
    reset();
    if (key !== 'null') review();
  }, [key, review, reset]);
  const data: ChangeResponse | undefined = preview.data;
  return (
    <div className="space-y-3">
      {preview.isPending ? <p className="text-sm text-muted">Preparing the statements…</p> : null}
      {preview.error ? <InlineStatus tone="danger">{preview.error.message}</InlineStatus> : null}
      {data ? (
        <div className="space-y-2">
          {data.function ? (
            <p className="text-sm">
              {data.function.created ? 'Creates the masking function ' : 'Reuses the existing masking function '}
              <span className="font-mono">{data.function.name}</span>.
            </p>
          ) : null}
          <p className="text-sm">
            {data.sql.length === 1 ? 'This exact statement runs' : `These ${data.sql.length} statements run, in order,`} on the SQL
            warehouse:
          </p>
          {data.sql.map((s, i) => (
            <pre
              key={i}
              data-testid="change-sql"
              className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs whitespace-pre-wrap"
            >
              {s}
            </pre>
          ))}
          <p className="text-xs text-muted">It is recorded in the action log with your name.</p>
        </div>
      ) : null}
      {run.error ? <InlineStatus tone="danger">{run.error.message}</InlineStatus> : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={run.isPending}>
          Cancel
        </Button>
        <Button
          variant={request.danger ? 'danger' : 'primary'}
          disabled={!data || preview.isPending}
          pending={run.isPending}
          onClick={() => run.mutate()}
        >
          {request.confirmLabel}
        </Button>
      </div>
    </div>
  );
}

export function ChangeDialog({ request, onClose, children }: { request: ChangeRequest | null; onClose: () => void; children?: ReactNode }) {
  return (
    <Dialog open={request !== null} onClose={onClose} size="lg" title={request?.title ?? ''} description={request?.description}>
      {request ? (
        <div className="space-y-4">
          {children}
          <ReviewAndApply request={request} onDone={onClose} onCancel={onClose} />
        </div>
      ) : null}
    </Dialog>
  );
}
