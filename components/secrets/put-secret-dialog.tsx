'use client';
// Writing one secret: the value is typed into a password field or taken from a file, sent once, and never shown or
// sent back; the field is emptied as soon as Databricks has it. From a credential found in a cluster or job, the scope
// and key come prefilled (a scope that does not exist yet is created first) and the reference to paste follows.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { createScopeResponseSchema, putSecretResponseSchema } from '@/lib/secrets/contract';
import { scopePath, secretQueries } from '@/lib/secrets/queries';
import { formatBytes, keyNameProblem, sameScope, scopeNameProblem, valueSizeProblem, utf8Length } from '@/lib/secrets/rules/names';
import { secretReference } from '@/lib/secrets/rules/plain-credentials';
import { Breakable } from './breakable';
import { CopyButton } from './copy-button';
import { fileToBase64 } from './file-base64';

export interface PutTarget {
  scope: string;
  key: string;
  scopeEditable: boolean;
  keyEditable: boolean;
  /** Scopes Databricks showed (null while unknown): for suggestions and the "does not exist yet" note. */
  scopes: ReadonlyArray<{ name: string; backend: string }> | null;
  /** Where the credential sits now, so the person knows where to paste the reference. */
  pasteInto?: { object: string; setting: string };
  replacing?: boolean;
}

export function PutSecretDialog({ target, onClose }: { target: PutTarget | null; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={target !== null}
      onClose={onClose}
      busy={busy}
      size="lg"
      title={target?.replacing ? 'Replace secret value' : 'Put a secret'}
      description="The value goes to Databricks once and is never shown again, here or anywhere in Brickwatch."
    >
      {target ? <PutForm target={target} onClose={onClose} onBusy={setBusy} /> : null}
    </Dialog>
  );
}

const field = 'h-9 w-full rounded-md border border-border-strong bg-surface px-3 text-sm';

function PutForm({ target, onClose, onBusy }: { target: PutTarget; onClose: () => void; onBusy: (b: boolean) => void }) {
  const ids = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState(target.scope);
  const [key, setKey] = useState(target.key);
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [value, setValue] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ scope: string; key: string } | null>(null);

  const known = target.scopes?.find((s) => sameScope(s.name, scope.trim())) ?? null;
  const missing = target.scopes !== null && scope.trim() !== '' && !known;
  const keyVault = known?.backend === 'AZURE_KEYVAULT';
  const bytes = mode === 'text' ? utf8Length(value) : (file?.size ?? 0);
  const readOnly = keyVault ? `${known!.name} is backed by Azure Key Vault, which Databricks only reads: choose another scope.` : null;
  const problem =
    scopeNameProblem(scope.trim()) ??
    keyNameProblem(key.trim()) ??
    readOnly ??
    (mode === 'file' && !file ? 'Choose a file' : valueSizeProblem(bytes));

  if (done) {
    const reference = secretReference(done.scope, done.key);
    return (
      <div className="space-y-4">
        <InlineStatus tone="success">
          Written into <span className="font-mono">{done.scope}</span> as <span className="font-mono">{done.key}</span>. The value was not
          kept anywhere in Brickwatch.
        </InlineStatus>
        {target.pasteInto ? (
          <div className="space-y-2 text-sm">
            <p>
              Now replace the value of <Breakable text={target.pasteInto.setting} className="font-mono" /> in {target.pasteInto.object} with
              this reference:
            </p>
            <p className="flex flex-wrap items-center gap-2 rounded-md bg-surface-2 px-3 py-2">
              <Breakable text={reference} className="font-mono" />
              <CopyButton text={reference} label="Copy reference" />
            </p>
          </div>
        ) : null}
        <div className="flex justify-end">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    );
  }

  const submit = async () => {
    if (problem) return setError(problem);
    setPending(true);
    onBusy(true);
    setError(null);
    const s = known?.name ?? scope.trim();
    const k = key.trim();
    try {
      if (missing) await apiFetch('/api/secrets/scopes', createScopeResponseSchema, { method: 'POST', json: { scope: s } });
      const body = mode === 'text' ? { value } : { bytesBase64: await fileToBase64(file!) };
      await apiFetch(`${scopePath(s)}/keys/${encodeURIComponent(k)}`, putSecretResponseSchema, { method: 'PUT', json: body });
      // Gone from memory as soon as Databricks has it.
      setValue('');
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: secretQueries.all() });
      if (target.pasteInto) setDone({ scope: s, key: k });
      else {
        toast(`Secret ${k} written into ${s}`);
        onClose();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The secret could not be written.');
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
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${ids}-scope`} className="block text-sm font-medium">
            Scope
          </label>
          {target.scopeEditable ? (
            <>
              <input
                id={`${ids}-scope`}
                value={scope}
                onChange={(e) => setScope(e.target.value)}
                list={`${ids}-scopes`}
                autoComplete="off"
                spellCheck={false}
                className={`${field} font-mono`}
              />
              <datalist id={`${ids}-scopes`}>
                {(target.scopes ?? [])
                  .filter((s) => s.backend !== 'AZURE_KEYVAULT')
                  .map((s) => (
                    <option key={s.name} value={s.name} />
                  ))}
              </datalist>
            </>
          ) : (
            <p id={`${ids}-scope`} className="font-mono text-sm">
              {scope}
            </p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${ids}-key`} className="block text-sm font-medium">
            Key
          </label>
          {target.keyEditable ? (
            <input
              id={`${ids}-key`}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className={`${field} font-mono`}
            />
          ) : (
            <p id={`${ids}-key`} className="font-mono text-sm">
              {key}
            </p>
          )}
        </div>
      </div>
      {missing && !scopeNameProblem(scope.trim()) ? (
        <InlineStatus tone="info">
          There is no scope named <span className="font-mono">{scope.trim()}</span> yet: Brickwatch creates it (Databricks-backed, with you
          as its manager) and then writes the secret.
        </InlineStatus>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Value</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'text'} onChange={() => setMode('text')} className="size-4" />
            Type it
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'file'} onChange={() => setMode('file')} className="size-4" />
            Upload a file (bytes, e.g. a keystore)
          </label>
        </div>
        {mode === 'text' ? (
          <div className="space-y-1">
            <label htmlFor={`${ids}-value`} className="sr-only">
              Secret value
            </label>
            <input
              id={`${ids}-value`}
              type="password"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              autoComplete="new-password"
              spellCheck={false}
              className={`${field} font-mono`}
            />
            <p className="text-xs text-muted">Up to 128 KB. It is not shown while you type and never sent back.</p>
          </div>
        ) : (
          <div className="space-y-1">
            <label htmlFor={`${ids}-file`} className="sr-only">
              Secret file
            </label>
            <input id={`${ids}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block text-sm" />
            <p className="text-xs text-muted">
              {file ? `${file.name}, ${formatBytes(file.size)}.` : 'Up to 128 KB.'} The bytes are stored as they are.
            </p>
          </div>
        )}
      </fieldset>
      {readOnly ? <InlineStatus tone="warning">{readOnly}</InlineStatus> : null}
      {bytes > 0 && valueSizeProblem(bytes) ? <InlineStatus tone="warning">{valueSizeProblem(bytes)}</InlineStatus> : null}
      {error ? <InlineStatus tone="danger">{error}</InlineStatus> : null}
      <div className="flex justify-end gap-2 pt-1">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" pending={pending}>
          {missing ? 'Create scope and write' : target.replacing ? 'Replace value' : 'Write secret'}
        </Button>
      </div>
    </form>
  );
}
