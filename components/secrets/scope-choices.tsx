'use client';
// Choosing a secret scope elsewhere (the token rotation's delivery): the scopes Databricks shows, offered as the name
// is typed, and a warning when the name is not one of them or is a read-only Key Vault scope. Typing a new name stays
// possible: the scope list may be partial, and the warning says what will happen.
import { useQuery } from '@tanstack/react-query';
import { secretQueries } from '@/lib/secrets/queries';
import { sameScope } from '@/lib/secrets/rules/names';

export interface ScopeChoice {
  name: string;
  backend: 'DATABRICKS' | 'AZURE_KEYVAULT';
}

/** The scopes Databricks shows this identity; null while loading or when they could not be listed. */
export function useScopeChoices(enabled: boolean): ScopeChoice[] | null {
  const { data } = useQuery({ ...secretQueries.list({}), enabled });
  return data ? data.scopes.map((s) => ({ name: s.name, backend: s.backend })) : null;
}

export function ScopeDatalist({ id, scopes }: { id: string; scopes: ScopeChoice[] | null }) {
  return (
    <datalist id={id}>
      {(scopes ?? [])
        .filter((s) => s.backend === 'DATABRICKS')
        .map((s) => (
          <option key={s.name} value={s.name} />
        ))}
    </datalist>
  );
}

/** Why writing into `name` may fail, in words, or null. */
export function scopeWarning(name: string, scopes: ScopeChoice[] | null): string | null {
  const typed = name.trim();
  if (!typed || scopes === null) return null;
  const found = scopes.find((s) => sameScope(s.name, typed));
  if (!found)
    return `There is no scope named “${typed}” that Databricks shows: the write will fail unless it exists. Create it on the Secrets page first.`;
  if (found.backend === 'AZURE_KEYVAULT')
    return `“${found.name}” is backed by Azure Key Vault, which Databricks only reads: choose another scope.`;
  return null;
}
