'use client';
// Time range: the four presets (windows ending now) or a custom from/to in UTC. A zoomed chart shows up here as
// a custom range with a way back.
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { RANGE_PRESETS, type RangePreset } from '@/lib/audit/rules/range';
import type { AuditPageState } from '@/lib/audit/contract';

const LABELS: Record<RangePreset, string> = { '24h': '24 h', '7d': '7 d', '30d': '30 d', '90d': '90 d' };
const inputClass = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm';

// <input type="datetime-local"> has no zone; this page reads and writes it as UTC.
const toInput = (d: Date | undefined) => (d ? d.toISOString().slice(0, 16) : '');
const fromInput = (v: string) => (v ? new Date(`${v}:00Z`) : undefined);

export function RangePicker({ state, onChange }: { state: AuditPageState; onChange: (patch: Partial<AuditPageState>) => void }) {
  const custom = Boolean(state.from && state.to);
  const [editing, setEditing] = useState(false);
  const [from, setFrom] = useState(toInput(state.from));
  const [to, setTo] = useState(toInput(state.to));
  const fromId = useId();
  const toId = useId();
  const active = custom ? null : (state.range ?? '7d');
  const preset = (range: RangePreset) => onChange({ range, from: undefined, to: undefined, bucket: undefined, event: undefined });

  return (
    <div className="flex flex-wrap items-center gap-2">
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
          onClick={() => setEditing((e) => !e)}
          className={cn('h-7 rounded px-2.5 text-xs font-medium', custom ? 'bg-accent text-accent-fg' : 'text-fg hover:bg-surface-2')}
        >
          Custom
        </button>
      </div>
      {editing ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            onChange({ range: undefined, bucket: undefined, from: fromInput(from), to: fromInput(to), event: undefined });
          }}
        >
          <label htmlFor={fromId} className="text-xs text-muted">
            From (UTC)
          </label>
          <input id={fromId} type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} className={inputClass} />
          <label htmlFor={toId} className="text-xs text-muted">
            To (UTC)
          </label>
          <input id={toId} type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} className={inputClass} />
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
