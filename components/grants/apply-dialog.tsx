'use client';
// Reviewing and applying one GRANT or REVOKE. The browser sends only the parts; the server answers the exact statement
// (a dry run), the dialog shows that text, and the same parts are sent again to run it. A fix from a finding arrives
// complete; a grant made from the matrix lets the admin choose the privileges (and the principal) first.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { applyResponseSchema, type ApplyBody } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { GRANTABLE, PRIVILEGES, type SecurableType } from '@/lib/grants/rules/privileges';
import { apiFetch } from '@/lib/query/fetch';
import { TYPE_LABEL } from './format';

export interface ProposedChange {
  action: 'GRANT' | 'REVOKE';
  privileges: string[];
  securableType: SecurableType;
  securable: string;
  principal: string;
  /** The admin picks privileges (and the principal when empty) before reviewing. */
  editable?: boolean;
  /** Why this change: the finding's words. */
  reason?: string;
}

type Parts = Omit<ApplyBody, 'dryRun'>;
const apply = (parts: Parts, dryRun: boolean) =>
  apiFetch('/api/grants/apply', applyResponseSchema, { method: 'POST', json: { ...parts, dryRun } });

export function ApplyDialog({ change, onClose }: { change: ProposedChange | null; onClose: () => void }) {
  return (
    <Dialog
      open={change !== null}
      onClose={onClose}
      size="lg"
      title={
        change
          ? `${change.action === 'GRANT' ? 'Grant' : 'Revoke'} on ${TYPE_LABEL[change.securableType].toLowerCase()} ${change.securable}`
          : ''
      }
      description={change?.reason}
    >
      {change ? <ApplyForm key={JSON.stringify(change)} change={change} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ApplyForm({ change, onClose }: { change: ProposedChange; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const principalId = useId();
  const [privileges, setPrivileges] = useState<string[]>(change.privileges);
  const [principal, setPrincipal] = useState(change.principal);
  const parts = { action: change.action, privileges, securableType: change.securableType, securable: change.securable, principal } as Parts;
  const preview = useMutation({ mutationFn: (p: Parts) => apply(p, true) });
  const run = useMutation({
    mutationFn: (p: Parts) => apply(p, false),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: grantQueries.all() });
      await queryClient.invalidateQueries({ queryKey: ['data-protection'] });
      toast(`${change.action === 'GRANT' ? 'Granted' : 'Revoked'}: ${r.sql}`);
      onClose();
    },
  });
  const complete = privileges.length > 0 && principal.trim() !== '';
  // A complete change is reviewed at once: its exact text is the first thing the admin sees.
  const { mutate: reviewNow } = preview;
  useEffect(() => {
    if (!change.editable) reviewNow(parts);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the change this form was opened with
  }, []);
  const reviewed = preview.data && !preview.isPending && JSON.stringify(preview.variables) === JSON.stringify(parts);

  return (
    <div className="space-y-4">
      {change.editable ? (
        <fieldset className="space-y-3" disabled={run.isPending}>
          <div className="space-y-1">
            <label htmlFor={principalId} className="block text-sm font-medium">
              {change.action === 'GRANT' ? 'To' : 'From'} (user name, group or service principal application id)
            </label>
            <input
              id={principalId}
              value={principal}
              onChange={(e) => setPrincipal(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              className="h-9 w-full rounded-md border border-border-strong bg-surface px-2.5 font-mono text-sm"
            />
          </div>
          <div>
            <p className="text-sm font-medium">Privileges</p>
            <div className="mt-1 grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
              {PRIVILEGES.filter((p) => GRANTABLE[change.securableType].has(p)).map((p) => (
                <label key={p} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={privileges.includes(p)}
                    onChange={(e) => setPrivileges((cur) => (e.target.checked ? [...cur, p] : cur.filter((x) => x !== p)))}
                  />
                  {p}
                </label>
              ))}
            </div>
          </div>
          <Button size="sm" disabled={!complete} pending={preview.isPending} onClick={() => preview.mutate(parts)}>
            Review statement
          </Button>
        </fieldset>
      ) : null}
      {preview.isPending && !change.editable ? <p className="text-sm text-muted">Preparing the statement…</p> : null}
      {preview.error ? <InlineStatus tone="danger">{preview.error.message}</InlineStatus> : null}
      {reviewed ? (
        <div className="space-y-1">
          <p className="text-sm">This exact statement will run on the SQL warehouse:</p>
          <pre
            data-testid="apply-sql"
            className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs whitespace-pre-wrap"
          >
            {preview.data!.sql}
          </pre>
          <p className="text-xs text-muted">It is recorded in the action log with your name.</p>
        </div>
      ) : null}
      {run.error ? <InlineStatus tone="danger">{run.error.message}</InlineStatus> : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose} disabled={run.isPending}>
          Cancel
        </Button>
        <Button
          variant={change.action === 'REVOKE' ? 'danger' : 'primary'}
          disabled={!reviewed}
          pending={run.isPending}
          onClick={() => run.mutate(parts)}
        >
          Run {change.action}
        </Button>
      </div>
    </div>
  );
}
