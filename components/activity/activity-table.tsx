'use client';
// The action log as a table that fits a laptop: what was done in words, to what (a token by its comment and owner),
// the change or the reason it failed, and the outcome. Every column shows from 1024 px; names wrap between words,
// e-mail addresses and ids never inside themselves. A row opens the entry in full (detail, chain position, request ids).
import { createColumnHelper } from '@/components/ui/table-model';
import { Badge, type Tone } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Reference, Words } from '@/components/ui/words';
import { ROLE_LABELS } from '@/lib/roles';
import type { ActionEntry, OUTCOMES } from '@/lib/activity/contract';
import { actionLabel, describeChange, describeTarget, failureReason } from '@/lib/activity/rules/describe';

type Outcome = (typeof OUTCOMES)[number];

const col = createColumnHelper<ActionEntry>();
export const OUTCOME_TONE: Record<Outcome, Tone> = { success: 'success', failure: 'danger', partial: 'warning' };

export function roleLabel(role: ActionEntry['role']): string {
  return role === 'system' ? 'background work' : role === 'none' ? 'no role' : ROLE_LABELS[role];
}

const columns = [
  col.accessor('seq', { header: '#', meta: { align: 'right', className: 'w-12 align-top text-muted' } }),
  col.accessor('at', {
    header: 'When (UTC)',
    cell: (c) => (
      <time dateTime={c.getValue()} className="block leading-tight tabular-nums">
        <span className="block whitespace-nowrap">{c.getValue().slice(0, 10)}</span>
        <span className="block text-xs whitespace-nowrap text-muted">{c.getValue().slice(11, 19)}</span>
      </time>
    ),
    meta: { className: 'align-top' },
  }),
  col.accessor('actor', {
    header: 'Who',
    cell: (c) => (
      <span className="block leading-tight">
        <span className="block whitespace-nowrap">{c.getValue()}</span>
        <span className="block text-xs text-muted">{roleLabel(c.row.original.role)}</span>
      </span>
    ),
    meta: { className: 'align-top' },
  }),
  col.accessor('action', {
    header: 'What',
    cell: ({ row: { original: e } }) => {
      const said =
        e.outcome === 'success' ? describeChange(e.action, e.detail) : (failureReason(e.detail) ?? describeChange(e.action, e.detail));
      return (
        <span className="block min-w-48 leading-tight">
          <span className="block">{actionLabel(e.action)}</span>
          {said ? (
            <span className={`mt-0.5 block text-xs ${e.outcome === 'failure' ? 'text-danger' : 'text-muted'}`}>
              <Words text={said} />
            </span>
          ) : null}
        </span>
      );
    },
    meta: { className: 'align-top' },
  }),
  col.accessor('target', {
    header: 'Target',
    cell: ({ row: { original: e } }) => {
      const target = describeTarget(e.target, e.detail);
      return (
        <span className="block min-w-40 leading-tight">
          {target.name ? (
            <span className="block">
              <Words text={target.name} />
            </span>
          ) : null}
          <code className={`block font-mono text-xs ${target.name ? 'mt-0.5 text-muted' : ''}`}>
            <Reference value={target.ref} />
          </code>
        </span>
      );
    },
    meta: { className: 'align-top', csv: (e) => e.target },
  }),
  col.accessor('outcome', {
    header: 'Outcome',
    cell: (c) => <Badge tone={OUTCOME_TONE[c.getValue()]}>{c.getValue()}</Badge>,
    meta: { className: 'align-top' },
  }),
  // The file keeps everything the row holds; the screen shows these in the entry's drawer.
  col.accessor('role', { header: 'role', meta: { csvOnly: true } }),
  col.accessor('actingAs', { header: 'acting_as', meta: { csvOnly: true } }),
  col.accessor('detail', { header: 'detail', meta: { csvOnly: true, csv: (e) => (e.detail ? JSON.stringify(e.detail) : '') } }),
  col.accessor('upstreamRequestId', { header: 'databricks_request_id', meta: { csvOnly: true } }),
  col.accessor('requestId', { header: 'brickwatch_request_id', meta: { csvOnly: true } }),
];

export function ActivityTable({
  entries,
  limited,
  filtered,
  onOpen,
}: {
  entries: ActionEntry[];
  limited: boolean;
  filtered: boolean;
  onOpen: (seq: number) => void;
}) {
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
        onRowClick={(e) => onOpen(e.seq)}
        rowHeight={56}
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
