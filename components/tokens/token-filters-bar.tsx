'use client';
// The filters of the tokens view. Every change becomes a new URL (see tokens-view.tsx), and the server applies it.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { XIcon } from '@/components/ui/icons';
import { dayCount, DEFAULT_TOKEN_FILTERS, type ExpiryWindow, type TokenFilters, type TokenSortField } from '@/lib/tokens/contract';
import { RISK_LEVELS, type OwnerKind, type RiskLevel } from '@/lib/tokens/rules/types';

const control = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg';
const RISK_LABEL: Record<RiskLevel, string> = { high: 'High', medium: 'Medium', low: 'Low' };
const EXPIRY_LABEL: Record<ExpiryWindow, string> = {
  never: 'Never expires',
  expired: 'Expired',
  '7d': 'Within 7 days',
  '30d': 'Within 30 days',
  '90d': 'Within 90 days',
};
const OWNER_TYPE_LABEL: Record<OwnerKind, string> = { user: 'People', service_principal: 'Service principals', unknown: 'Unknown owner' };
const SORT_LABEL: Record<TokenSortField, string> = {
  risk: 'Risk',
  expiry: 'Expiry',
  lastUsed: 'Last used',
  created: 'Created',
  owner: 'Owner',
};
const UNUSED_CHOICES = [30, 60, 90, 180, 365];
/** Typing is debounced so the URL (and the server) see whole words, not every keystroke. */
const SEARCH_DEBOUNCE_MS = 300;

/** A filter select whose empty choice names the filter ("Any expiry"), so it needs no visible label beside it. */
function Select<T extends string>({
  label,
  any,
  value,
  options,
  onChange,
}: {
  label: string;
  any: string;
  value: T | '';
  options: Array<[T, string]>;
  onChange: (v: T | undefined) => void;
}) {
  const id = useId();
  return (
    <span className="flex items-center">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)} className={control}>
        <option value="">{any}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

export function TokenFiltersBar({
  filters,
  onChange,
  actions,
}: {
  filters: TokenFilters;
  onChange: (next: TokenFilters) => void;
  actions?: ReactNode;
}) {
  const searchId = useId();
  const sortId = useId();
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

  const toggleRisk = (level: RiskLevel) => {
    const current = new Set(filters.risk ?? []);
    if (current.has(level)) current.delete(level);
    else current.add(level);
    onChange({ ...filters, risk: current.size ? RISK_LEVELS.filter((l) => current.has(l)) : undefined });
  };
  const unusedChoices = [...new Set([...UNUSED_CHOICES, ...(filters.unused ? [filters.unused] : [])])].sort((a, b) => a - b);
  const filtered = Boolean(filters.risk || filters.ownerType || filters.owner || filters.expiry || filters.unused || filters.q);

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" role="group" aria-label="Filter tokens">
      <span className="flex items-center gap-1" role="group" aria-label="Risk">
        {RISK_LEVELS.map((level) => {
          const on = filters.risk?.includes(level) ?? false;
          return (
            <button
              key={level}
              type="button"
              aria-pressed={on}
              onClick={() => toggleRisk(level)}
              className={cn(
                'h-8 rounded-md border px-2.5 text-xs font-medium',
                on ? 'border-accent bg-accent-soft text-accent' : 'border-border-strong bg-surface text-fg hover:bg-surface-2',
              )}
            >
              {RISK_LABEL[level]}
            </button>
          );
        })}
      </span>
      <Select
        label="Owner type"
        any="All owner types"
        value={filters.ownerType ?? ''}
        options={Object.entries(OWNER_TYPE_LABEL) as Array<[OwnerKind, string]>}
        onChange={(ownerType) => onChange({ ...filters, ownerType })}
      />
      <Select
        label="Expires"
        any="Any expiry"
        value={filters.expiry ?? ''}
        options={Object.entries(EXPIRY_LABEL) as Array<[ExpiryWindow, string]>}
        onChange={(expiry) => onChange({ ...filters, expiry })}
      />
      <Select
        label="Unused for"
        any="Any last use"
        value={filters.unused ? String(filters.unused) : ''}
        options={unusedChoices.map((d): [string, string] => [String(d), `Unused ${dayCount(d)} or more`])}
        onChange={(v) => onChange({ ...filters, unused: v ? Number(v) : undefined })}
      />
      <span className="flex items-center gap-1.5">
        <label htmlFor={searchId} className="sr-only">
          Search comment, owner, creator or id
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Comment, owner or id…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
          className={`${control} w-52`}
        />
      </span>
      {filters.owner ? (
        <span className="inline-flex h-8 items-center gap-1 rounded-md border border-accent bg-accent-soft pl-2.5 pr-1 text-xs text-accent">
          Owner: <span className="font-medium whitespace-nowrap">{filters.owner}</span>
          <button
            type="button"
            aria-label="Clear the owner filter"
            onClick={() => onChange({ ...filters, owner: undefined })}
            className="rounded p-1 hover:bg-surface"
          >
            <XIcon className="size-3" />
          </button>
        </span>
      ) : null}
      <span className="flex items-center gap-1.5 text-xs text-muted">
        <label htmlFor={sortId}>Sort by</label>
        <select
          id={sortId}
          value={filters.sort}
          onChange={(e) => onChange({ ...filters, sort: e.target.value as TokenSortField })}
          className={control}
        >
          {(Object.entries(SORT_LABEL) as Array<[TokenSortField, string]>).map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        {/* The name begins with the words on the button (speech input users say what they see), then says what a press does. */}
        <Button size="sm" onClick={() => onChange({ ...filters, dir: filters.dir === 'asc' ? 'desc' : 'asc' })}>
          <span aria-hidden>{filters.dir === 'asc' ? '↑' : '↓'}</span>
          {filters.dir === 'asc' ? 'Ascending' : 'Descending'}
          <span className="sr-only">, switch to {filters.dir === 'asc' ? 'descending' : 'ascending'}</span>
        </Button>
      </span>
      {filtered ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({ ...DEFAULT_TOKEN_FILTERS, sort: filters.sort, dir: filters.dir })}>
          Clear filters
        </Button>
      ) : null}
      {actions}
    </div>
  );
}
