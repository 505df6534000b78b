'use client';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, type Tone } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { ROLE_LABELS } from '@/lib/roles';
import type { ActionEntry, OUTCOMES } from '@/lib/activity/contract';

type Outcome = (typeof OUTCOMES)[number];

const col = createColumnHelper<ActionEntry>();
const roleLabel = (role: ActionEntry['role']) => (role === 'system' ? 'background work' : role === 'none' ? 'no role' : ROLE_LABELS[role]);
const OUTCOME_TONE: Record<Outcome, Tone> = { success: 'success', failure: 'danger', partial: 'warning' };

const columns = [
  col.accessor('seq', { header: '#', meta: { align: 'right', className: 'w-14 text-muted' } }),
  col.accessor('at', {
    header: 'When (UTC)',
    cell: (c) => <time dateTime={c.getValue()}>{c.getValue().replace('T', ' ').slice(0, 19)}</time>,
    meta: { className: 'whitespace-nowrap tabular-nums' },
  }),
  col.accessor('actor', {
    header: 'Who',
    cell: (c) => (
      <span title={`${c.getValue()} (${roleLabel(c.row.original.role)})`} className="block max-w-64 truncate">
        {c.getValue()}
      </span>
    ),
  }),
  col.accessor('action', { header: 'Action', cell: (c) => <code className="font-mono text-xs">{c.getValue()}</code> }),
  // Long ids (a token id is 64 hex characters) are cut on screen; the full value is in the tooltip and the CSV.
  col.accessor('target', {
    header: 'Target',
    cell: (c) => (
      <span title={c.getValue()} className="block max-w-64 truncate font-mono text-xs">
        {c.getValue()}
      </span>
    ),
  }),
  col.accessor('outcome', { header: 'Outcome', cell: (c) => <Badge tone={OUTCOME_TONE[c.getValue()]}>{c.getValue()}</Badge> }),
  col.accessor('upstreamRequestId', {
    header: 'Databricks request',
    cell: (c) => (
      <span title={c.getValue() ?? undefined} className="block max-w-40 truncate font-mono text-xs text-muted">
        {c.getValue() ?? '—'}
      </span>
    ),
  }),
];

export function ActivityTable({ entries, limited, filtered }: { entries: ActionEntry[]; limited: boolean; filtered: boolean }) {
  return (
    <div className="space-y-2">
      <DataTable
        data={entries}
        columns={columns}
        getRowId={(r) => String(r.seq)}
        caption="Brickwatch action log"
        csvFileName="brickwatch-activity.csv"
        // Filtering happens on the server (the filter bar above); the table only sorts.
        search={false}
        initialSorting={[{ id: 'seq', desc: true }]}
        empty={
          <EmptyState
            title={filtered ? 'No entries match these filters' : 'Nothing has been changed through Brickwatch yet'}
            description={
              filtered
                ? 'Clear the filters to see everything.'
                : 'Revocations, rotations and permission changes made here will be listed, with who made them and the outcome.'
            }
          />
        }
      />
      {limited ? <p className="text-xs text-muted">Showing the newest 500 entries; narrow the filters to see older ones.</p> : null}
    </div>
  );
}
