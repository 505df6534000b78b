'use client';
// Giving a principal READ, WRITE or MANAGE on a scope, or changing what they have. The picker searches the workspace
// directory (people, groups, service principals by application id); a name can also be typed as is. Giving anything
// to all users is warned about and must be confirmed.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { putAclResponseSchema, type AclEntryView } from '@/lib/secrets/contract';
import { scopePath, secretQueries } from '@/lib/secrets/queries';
import { isEveryone, PERMISSIONS, type Permission } from '@/lib/secrets/rules/findings';
import { KIND_LABEL, PERMISSION_HELP, principalLabel } from './format';

export interface AclDialogTarget {
  scope: string;
  /** null: a new entry. */
  entry: AclEntryView | null;
}

export function AclDialog({ target, onClose }: { target: AclDialogTarget | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      busy={busy}
      size="lg"
      title={target?.entry ? 'Change access' : 'Give access'}
      description={
        target ? (
          <>
            On the scope <span className="font-mono">{target.scope}</span>
          </>
        ) : null
      }
    >
      {target ? <AclForm target={target} onClose={onClose} onBusy={setBusy} /> : null}
    </Dialog>
  );
}

/** Typing is debounced so the directory is searched for words, not every keystroke. */
function useDebounced(value: string, ms = 250): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function AclForm({ target, onClose, onBusy }: { target: AclDialogTarget; onClose: () => void; onBusy: (b: boolean) => void }) {
  const ids = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [principal, setPrincipal] = useState<string | null>(target.entry?.principal ?? null);
  const [permission, setPermission] = useState<Permission>(target.entry?.permission ?? 'READ');
  const [everyoneOk, setEveryoneOk] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = useDebounced(text);
  const search = useQuery({ ...secretQueries.principals(q), enabled: target.entry === null });
  const everyone = principal !== null && isEveryone(principal);

  const submit = async () => {
    const chosen = principal ?? text.trim();
    if (!chosen) return setError('Choose who gets access');
    if (isEveryone(chosen) && !everyoneOk) return setError('Confirm that every user of the workspace should get this access');
    setPending(true);
    onBusy(true);
    setError(null);
    try {
      const res = await apiFetch(`${scopePath(target.scope)}/acls`, putAclResponseSchema, {
        method: 'PUT',
        json: { principal: chosen, permission },
      });
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
      toast(res.previous ? `${chosen}: ${res.previous} changed to ${res.permission}` : `${chosen} now has ${res.permission}`);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Access could not be changed.');
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
      {target.entry ? (
        <p className="text-sm">
          <span className="font-medium">{principalLabel({ ...target.entry, name: target.entry.principal })}</span>{' '}
          <span className="font-mono text-muted">{target.entry.principal}</span> has {target.entry.permission} now.
        </p>
      ) : (
        <div className="space-y-2">
          <label htmlFor={`${ids}-who`} className="block text-sm font-medium">
            Who
          </label>
          <input
            id={`${ids}-who`}
            value={principal ?? text}
            onChange={(e) => {
              setPrincipal(null);
              setText(e.target.value);
            }}
            placeholder="Search people, groups, service principals — or type a name"
            autoComplete="off"
            spellCheck={false}
            aria-controls={`${ids}-results`}
            className="h-9 w-full rounded-md border border-border-strong bg-surface px-3 text-sm"
          />
          {principal === null ? (
            <ul id={`${ids}-results`} aria-label="Matching principals" className="max-h-56 overflow-auto rounded-md border border-border">
              {search.isPending ? <li className="px-3 py-2 text-sm text-muted">Searching…</li> : null}
              {search.error ? (
                <li className="px-3 py-2 text-sm text-danger">The directory could not be searched: {search.error.message}</li>
              ) : null}
              {search.data?.principals.map((p) => (
                <li key={p.name}>
                  <button
                    type="button"
                    onClick={() => setPrincipal(p.name)}
                    className="flex w-full items-baseline justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-surface-2 focus-visible:bg-accent-soft"
                  >
                    <span className="min-w-0">
                      <span className="block">{principalLabel(p)}</span>
                      {principalLabel(p) !== p.name ? <span className="block font-mono text-xs text-muted">{p.name}</span> : null}
                    </span>
                    <span className="shrink-0 text-xs text-muted">{KIND_LABEL[p.kind]}</span>
                  </button>
                </li>
              ))}
              {search.data && !search.data.principals.length ? (
                <li className="px-3 py-2 text-sm text-muted">Nobody active matches; the name is used as typed.</li>
              ) : null}
              {search.data?.more ? <li className="px-3 py-1.5 text-xs text-muted">More match: type more of the name.</li> : null}
            </ul>
          ) : (
            <p className="text-xs text-muted">
              Chosen: <span className="font-mono">{principal}</span>.{' '}
              <button type="button" className="underline" onClick={() => setPrincipal(null)}>
                Choose another
              </button>
            </p>
          )}
        </div>
      )}
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Permission</legend>
        {PERMISSIONS.map((p) => (
          <label key={p} className={cn('flex items-start gap-2 text-sm')}>
            <input
              type="radio"
              name={`${ids}-perm`}
              checked={permission === p}
              onChange={() => setPermission(p)}
              className="mt-0.5 size-4"
            />
            <span>
              <span className="font-medium">{p}</span> <span className="text-muted">— {PERMISSION_HELP[p]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {everyone || isEveryone(text.trim()) ? (
        <InlineStatus tone="warning">
          <span className="block">
            <strong>{principal ?? text.trim()}</strong> is every user of the workspace: all of them could{' '}
            {permission === 'READ'
              ? 'read these secrets'
              : permission === 'WRITE'
                ? 'read and overwrite these secrets'
                : 'read and change these secrets and give others access'}
            . Give a narrower group instead if you can.
          </span>
          <label className="mt-2 flex items-center gap-2 text-fg">
            <input type="checkbox" checked={everyoneOk} onChange={(e) => setEveryoneOk(e.target.checked)} className="size-4" />
            Give it to every user anyway
          </label>
        </InlineStatus>
      ) : null}
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending}>
          {target.entry ? 'Change access' : 'Give access'}
        </Button>
      </div>
    </form>
  );
}
