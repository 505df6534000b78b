'use client';
// The small confirmations of the scope page: deleting a secret, removing an ACL entry, deleting the whole scope.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmByTypingDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import {
  deleteAclResponseSchema,
  deleteScopeResponseSchema,
  deleteSecretResponseSchema,
  type AclEntryView,
  type ScopeDetail,
} from '@/lib/secrets/contract';
import { scopePath, secretQueries } from '@/lib/secrets/queries';
import { plural } from './format';

function useAction() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Databricks did not accept the change.');
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run, reset: () => setError(null) };
}

export function DeleteSecretDialog({ scope, secretKey, onClose }: { scope: string; secretKey: string | null; onClose: () => void }) {
  const toast = useToast();
  const action = useAction();
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Dialog
      open={secretKey !== null}
      onClose={close}
      busy={action.pending}
      title="Delete secret"
      description={
        <>
          <span className="font-mono">{secretKey}</span> in <span className="font-mono">{scope}</span>. Jobs and notebooks that read it will
          fail. This cannot be undone.
        </>
      }
      footer={
        <>
          <Button onClick={close} disabled={action.pending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={action.pending}
            onClick={() =>
              void action
                .run(async () => {
                  await apiFetch(`${scopePath(scope)}/keys/${encodeURIComponent(secretKey!)}`, deleteSecretResponseSchema, {
                    method: 'DELETE',
                  });
                })
                .then((ok) => {
                  if (ok) {
                    toast(`Secret ${secretKey} deleted`);
                    close();
                  }
                })
            }
          >
            Delete secret
          </Button>
        </>
      }
    >
      {action.error ? <InlineStatus tone="danger">{action.error}</InlineStatus> : null}
    </Dialog>
  );
}

export function RemoveAclDialog({ scope, entry, onClose }: { scope: ScopeDetail; entry: AclEntryView | null; onClose: () => void }) {
  const toast = useToast();
  const action = useAction();
  const close = () => {
    action.reset();
    onClose();
  };
  const managers = scope.acls?.filter((a) => a.permission === 'MANAGE') ?? [];
  const lastManager = entry?.permission === 'MANAGE' && managers.length === 1;
  return (
    <Dialog
      open={entry !== null}
      onClose={close}
      busy={action.pending}
      title="Remove access"
      description={
        entry ? (
          <>
            <span className="font-mono">{entry.principal}</span> loses {entry.permission} on <span className="font-mono">{scope.name}</span>
            .
          </>
        ) : null
      }
      footer={
        <>
          <Button onClick={close} disabled={action.pending}>
            Cancel
          </Button>
          <Button
            variant="danger"
            pending={action.pending}
            onClick={() =>
              void action
                .run(async () => {
                  await apiFetch(`${scopePath(scope.name)}/acls`, deleteAclResponseSchema, {
                    method: 'DELETE',
                    json: { principal: entry!.principal },
                  });
                })
                .then((ok) => {
                  if (ok) {
                    toast(`${entry!.principal} no longer has access to ${scope.name}`);
                    close();
                  }
                })
            }
          >
            Remove access
          </Button>
        </>
      }
    >
      {lastManager ? (
        <InlineStatus tone="warning">
          This is the scope’s only manager: afterwards only workspace admins can change who may use it.
        </InlineStatus>
      ) : null}
      {action.error ? <InlineStatus tone="danger">{action.error}</InlineStatus> : null}
    </Dialog>
  );
}

export function DeleteScopeDialog({ scope, open, onClose }: { scope: ScopeDetail; open: boolean; onClose: () => void }) {
  const toast = useToast();
  const router = useRouter();
  const action = useAction();
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <ConfirmByTypingDialog
      open={open}
      onClose={close}
      title="Delete scope"
      description={
        <>
          The scope and {scope.keyCount === null ? 'every secret in it' : plural(scope.keyCount, 'secret')} in it are deleted for good;
          every job and notebook that reads them will fail.
        </>
      }
      phrase={scope.name}
      confirmLabel="Delete scope"
      pending={action.pending}
      error={action.error}
      onConfirm={async () => {
        const ok = await action.run(async () => {
          await apiFetch(scopePath(scope.name), deleteScopeResponseSchema, { method: 'DELETE', json: { confirm: scope.name } });
        });
        if (ok) {
          toast(`Scope ${scope.name} deleted`);
          onClose();
          router.push('/secrets');
        }
      }}
    />
  );
}
