'use client';
// Creating a scope: Databricks-backed (Brickwatch's identity becomes its manager), or Azure Key Vault-backed with the
// vault's resource id and DNS name — which Databricks only allows to someone signed in with a Microsoft Entra ID token,
// so its refusal is shown as it comes.
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import * as z from 'zod/mini';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { createScopeBody, createScopeResponseSchema, type Backend } from '@/lib/secrets/contract';
import { secretQueries } from '@/lib/secrets/queries';

const field = 'h-9 w-full rounded-md border border-border-strong bg-surface px-3 text-sm';

export function CreateScopeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onClose={onClose} busy={busy} title="Create a secret scope" size="lg">
      <CreateForm onClose={onClose} onBusy={setBusy} />
    </Dialog>
  );
}

function CreateForm({ onClose, onBusy }: { onClose: () => void; onBusy: (b: boolean) => void }) {
  const ids = useId();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState('');
  const [backend, setBackend] = useState<Backend>('DATABRICKS');
  const [resourceId, setResourceId] = useState('');
  const [dnsName, setDnsName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const parsed = z.safeParse(createScopeBody, {
      scope,
      backend,
      ...(backend === 'AZURE_KEYVAULT' ? { keyVault: { resourceId, dnsName } } : {}),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    setPending(true);
    onBusy(true);
    setError(null);
    try {
      const res = await apiFetch('/api/secrets/scopes', createScopeResponseSchema, { method: 'POST', json: parsed.data });
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
      toast(`Scope ${res.scope.name} created`);
      onClose();
      router.push(`/secrets/${encodeURIComponent(res.scope.name)}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The scope could not be created.');
    } finally {
      setPending(false);
      onBusy(false);
    }
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pending) void submit();
      }}
    >
      <div className="space-y-1">
        <label htmlFor={`${ids}-name`} className="block text-sm font-medium">
          Scope name
        </label>
        <input
          id={`${ids}-name`}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={`${field} font-mono`}
        />
        <p className="text-xs text-muted">
          Up to 128 letters, digits, dashes, underscores, periods and @. Databricks ignores case: “ETL” and “etl” are the same scope.
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Where the secrets are kept</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-backend`}
            checked={backend === 'DATABRICKS'}
            onChange={() => setBackend('DATABRICKS')}
            className="mt-0.5 size-4"
          />
          <span>
            In Databricks <span className="text-muted">(you become the scope’s manager; give a group access next)</span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name={`${ids}-backend`}
            checked={backend === 'AZURE_KEYVAULT'}
            onChange={() => setBackend('AZURE_KEYVAULT')}
            className="mt-0.5 size-4"
          />
          <span>
            In an Azure Key Vault <span className="text-muted">(read-only in Databricks: secrets are managed in the vault)</span>
          </span>
        </label>
      </fieldset>
      {backend === 'AZURE_KEYVAULT' ? (
        <div className="space-y-3">
          <InlineStatus tone="info">
            Databricks creates a Key Vault-backed scope only for someone signed in with a Microsoft Entra ID token. If Brickwatch’s identity
            is not one, Databricks refuses, and you create the scope in the Databricks UI instead.
          </InlineStatus>
          <div className="space-y-1">
            <label htmlFor={`${ids}-rid`} className="block text-sm font-medium">
              Key Vault resource id
            </label>
            <input
              id={`${ids}-rid`}
              value={resourceId}
              onChange={(e) => setResourceId(e.target.value)}
              placeholder="/subscriptions/…/resourceGroups/…/providers/Microsoft.KeyVault/vaults/…"
              spellCheck={false}
              className={`${field} font-mono`}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${ids}-dns`} className="block text-sm font-medium">
              Key Vault DNS name
            </label>
            <input
              id={`${ids}-dns`}
              value={dnsName}
              onChange={(e) => setDnsName(e.target.value)}
              placeholder="https://<vault>.vault.azure.net/"
              spellCheck={false}
              className={`${field} font-mono`}
            />
          </div>
        </div>
      ) : null}
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending}>
          Create scope
        </Button>
      </div>
    </form>
  );
}
