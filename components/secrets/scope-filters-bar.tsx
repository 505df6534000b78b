'use client';
// The scope list's filters. Every change becomes a new URL (see secrets-view.tsx), and the server applies it.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { Backend, ScopeFilters } from '@/lib/secrets/contract';
import { FINDING_CODES, FINDING_LABELS, type FindingCode } from '@/lib/secrets/rules/findings';

const control = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg';
/** Typing is debounced so the URL (and the server) see whole words, not every keystroke. */
const SEARCH_DEBOUNCE_MS = 300;
const BACKEND_LABEL: Record<Backend, string> = { DATABRICKS: 'Databricks', AZURE_KEYVAULT: 'Azure Key Vault' };

function Select<T extends string>(props: {
  label: string;
  any: string;
  value: T | '';
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (v: T | undefined) => void;
}) {
  const id = useId();
  return (
    <span className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange((e.target.value || undefined) as T | undefined)}
        className={control}
      >
        <option value="">{props.any}</option>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

export function ScopeFiltersBar({
  filters,
  counts,
  onChange,
  actions,
}: {
  filters: ScopeFilters;
  /** Scopes per finding, shown in the finding choices. */
  counts: Partial<Record<FindingCode, number>>;
  onChange: (next: ScopeFilters) => void;
  actions?: ReactNode;
}) {
  const searchId = useId();
  const [text, setText] = useState(filters.q ?? '');
  // When the URL's text changes from elsewhere (back button, "Clear filters"), the box follows it.
  const [seenQ, setSeenQ] = useState(filters.q);
  if (filters.q !== seenQ) {
    setSeenQ(filters.q);
    if ((filters.q ?? '') !== text.trim()) setText(filters.q ?? '');
  }
  useEffect(() => {
    if ((filters.q ?? '') === text.trim()) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  const filtered = Boolean(filters.q || filters.finding || filters.backend);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" role="group" aria-label="Filter scopes">
      <span className="flex items-center">
        <label htmlFor={searchId} className="sr-only">
          Search scope, principal or vault
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search scope, principal, vault…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
          className={`${control} w-60`}
        />
      </span>
      <Select
        label="Finding"
        any="Any finding"
        value={filters.finding ?? ''}
        options={FINDING_CODES.map((c) => [c, `${FINDING_LABELS[c]} (${counts[c] ?? 0})`] as const)}
        onChange={(finding) => onChange({ ...filters, finding })}
      />
      <Select
        label="Backend"
        any="Any backend"
        value={filters.backend ?? ''}
        options={(Object.entries(BACKEND_LABEL) as Array<[Backend, string]>).map(([k, v]) => [k, v] as const)}
        onChange={(backend) => onChange({ ...filters, backend })}
      />
      {filtered ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({})}>
          Clear filters
        </Button>
      ) : null}
      {actions}
    </div>
  );
}
