'use client';
import { useState } from 'react';
import { Button, Spinner } from '@/components/ui/button';
import { OUTCOMES, type ActivityFilters } from '@/lib/activity/contract';

const field = 'h-8 rounded-md border border-border-strong bg-surface px-2.5 text-sm';

/** Filters are applied on submit (text) or change (outcome) and written to the URL by the page. */
export function ActivityFilterBar({
  filters,
  onChange,
  busy,
}: {
  filters: ActivityFilters;
  onChange: (f: ActivityFilters) => void;
  busy: boolean;
}) {
  const [actor, setActor] = useState(filters.actor ?? '');
  const [action, setAction] = useState(filters.action ?? '');
  return (
    <form
      role="search"
      aria-label="Filter activity"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, actor: actor.trim() || undefined, action: action.trim() || undefined });
      }}
    >
      <label className="flex flex-col gap-1 text-xs text-muted">
        Outcome
        <select
          className={`${field} text-fg`}
          value={filters.outcome ?? ''}
          onChange={(e) => onChange({ ...filters, outcome: (e.target.value || undefined) as ActivityFilters['outcome'] })}
        >
          <option value="">Any</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Who (user name)
        <input className={`${field} w-64 text-fg`} value={actor} onChange={(e) => setActor(e.target.value)} placeholder="ann@example.com" />
      </label>
      <label className="flex flex-col gap-1 text-xs text-muted">
        Action
        <input
          className={`${field} w-56 font-mono text-fg`}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="tokens. or tokens.revoke"
        />
      </label>
      <Button type="submit" size="sm">
        Apply
      </Button>
      {Object.values(filters).some(Boolean) ? (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setActor('');
            setAction('');
            onChange({});
          }}
        >
          Clear
        </Button>
      ) : null}
      {busy ? <Spinner className="mb-2 text-muted" /> : null}
    </form>
  );
}
