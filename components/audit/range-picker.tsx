'use client';
// Time range: the four presets (windows ending now) or a custom from/to in UTC. A zoomed chart shows up here as a
// custom range with a way back. The custom fields start at the window on screen, and a range that cannot be shown
// (From after To, a link with a broken range) is said beside its field instead of quietly becoming the default view.
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { customRangeErrors, RANGE_PRESETS, resolveWindow, windowFields, type RangePreset } from '@/lib/audit/rules/range';
import type { AuditPageState, UrlIssue } from '@/lib/audit/contract';

const LABELS: Record<RangePreset, string> = { '24h': '24 h', '7d': '7 d', '30d': '30 d', '90d': '90 d' };
const inputClass = 'h-8 rounded-md border bg-surface px-2 text-sm';

// <input type="datetime-local"> has no zone; this page reads and writes it as UTC.
const fromInput = (v: string) => (/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(v) ? new Date(`${v}:00Z`) : undefined);
/** A URL's value as the field shows it (an ISO date-time cut to the minute), or as it was when it is not one. */
const asField = (v: string | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString().slice(0, 16) : (v ?? ''));

type Errors = { from?: string; to?: string };

/** A URL problem in the words of the fields beside which it shows. */
const inWords = (issue: UrlIssue | undefined) =>
  issue?.message
    .replace(/^from must be earlier than to \(and than now\)\./, 'From must be before To, and in the past.')
    .replace(/^(from|to|range|bucket)\b/, (w) => w[0]!.toUpperCase() + w.slice(1));

export function RangePicker({
  state,
  onChange,
  urlIssues = {},
}: {
  state: AuditPageState;
  onChange: (patch: Partial<AuditPageState>) => void;
  /** Range values the URL held but could not be shown. */
  urlIssues?: { from?: UrlIssue; to?: UrlIssue; range?: UrlIssue; bucket?: UrlIssue };
}) {
  const broken = Boolean(urlIssues.from || urlIssues.to || urlIssues.range || urlIssues.bucket);
  const custom = Boolean(state.from && state.to);
  const [editing, setEditing] = useState(broken);
  const [fields, setFields] = useState(() => ({ from: asField(urlIssues.from?.value), to: asField(urlIssues.to?.value) }));
  const [tried, setTried] = useState(broken);
  const fromId = useId();
  const toId = useId();
  const active = custom ? null : (state.range ?? '7d');
  const preset = (range: RangePreset) => onChange({ range, from: undefined, to: undefined, bucket: undefined, event: undefined });
  // Checked against the clock when they are, which is when a person acts (never during render).
  const [errors, setErrors] = useState<Errors>(() =>
    broken ? { from: inWords(urlIssues.from ?? urlIssues.range ?? urlIssues.bucket), to: inWords(urlIssues.to) } : {},
  );
  const check = (next: { from: string; to: string }) => customRangeErrors(fromInput(next.from), fromInput(next.to), new Date());

  const open = () => {
    // Start from the window on screen, so a small change is a small edit.
    const start = windowFields(resolveWindow(state, new Date()));
    setFields(start);
    setErrors({});
    setTried(false);
    setEditing(true);
  };
  const edit = (patch: Partial<typeof fields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    if (tried) setErrors(check(next));
  };
  const field = (id: string, key: 'from' | 'to', label: string) => (
    <span className="flex flex-col gap-1">
      <span className="flex items-center gap-2">
        <label htmlFor={id} className="text-xs text-muted">
          {label}
        </label>
        <input
          id={id}
          type="datetime-local"
          value={fields[key]}
          onChange={(e) => edit({ [key]: e.target.value })}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={errors[key] ? `${id}-error` : undefined}
          className={cn(inputClass, errors[key] ? 'border-danger' : 'border-border-strong')}
        />
      </span>
      {errors[key] ? (
        <span id={`${id}-error`} className="max-w-64 text-xs text-danger">
          {errors[key]}
        </span>
      ) : null}
    </span>
  );

  return (
    <div className="flex flex-wrap items-start gap-2">
      <div role="group" aria-label="Time range" className="inline-flex rounded-md border border-border-strong bg-surface p-0.5">
        {RANGE_PRESETS.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={active === r}
            onClick={() => preset(r)}
            className={cn(
              'h-7 rounded px-2.5 text-xs font-medium',
              active === r ? 'bg-accent text-accent-fg' : 'text-fg hover:bg-surface-2',
            )}
          >
            {LABELS[r]}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={custom || editing}
          aria-expanded={editing}
          onClick={() => (editing ? setEditing(false) : open())}
          className={cn('h-7 rounded px-2.5 text-xs font-medium', custom ? 'bg-accent text-accent-fg' : 'text-fg hover:bg-surface-2')}
        >
          Custom
        </button>
      </div>
      {editing ? (
        <form
          aria-label="Custom time range"
          noValidate
          className="flex flex-wrap items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            const found = check(fields);
            setErrors(found);
            if (found.from || found.to) return;
            setEditing(false);
            onChange({ range: undefined, bucket: undefined, from: fromInput(fields.from), to: fromInput(fields.to), event: undefined });
          }}
        >
          {field(fromId, 'from', 'From (UTC)')}
          {field(toId, 'to', 'To (UTC)')}
          <Button size="sm" type="submit" variant="primary">
            Show
          </Button>
        </form>
      ) : custom ? (
        <Button size="sm" variant="ghost" onClick={() => preset('7d')}>
          Back to last 7 days
        </Button>
      ) : null}
    </div>
  );
}
