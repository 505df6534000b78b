'use client';
// The tokens table: the server has already filtered and sorted (the URL says how), so the table only renders —
// windowed past a few hundred rows — and exports exactly the rows shown.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { RiskBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { isoDay } from '@/lib/security/token-risk';
import type { TokenRow } from '@/lib/security/token-types';
import { expiryText, lastUsedText, OWNER_KIND_LABEL, ownerLabel } from './format';
import { OwnerChip } from './owner-chip';

export interface TokenTableProps {
  rows: TokenRow[];
  /** When the server assessed the rows. */
  now: number;
  /** Admins get selection and actions; analysts see neither. */
  canAct: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOwner: (ownerKey: string) => void;
  onRotate: (row: TokenRow) => void;
  onRevoke: (row: TokenRow) => void;
  toolbar?: ReactNode;
  empty?: ReactNode;
}

const col = createColumnHelper<TokenRow>();

// Selection and callbacks reach the cells through context, so the column definitions stay stable and a click on a
// checkbox re-renders the visible rows only, not the row model of every token.
type CellContext = Omit<TokenTableProps, 'canAct' | 'toolbar' | 'empty'>;
const TableContext = createContext<CellContext | null>(null);
const useCells = () => useContext(TableContext)!;

function SelectAll() {
  const { rows, selected, onSelect } = useCells();
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.tokenId));
  return <input type="checkbox" aria-label="Select every token shown" checked={allOn} onChange={(e) => onSelect(rows.map((r) => r.tokenId), e.target.checked)} className="size-4" />;
}

function SelectOne({ row }: { row: TokenRow }) {
  const { selected, onSelect } = useCells();
  return <input type="checkbox" aria-label={`Select token ${row.tokenId.slice(0, 8)}`} checked={selected.has(row.tokenId)} onChange={(e) => onSelect([row.tokenId], e.target.checked)} className="size-4" />;
}

function Owner({ row }: { row: TokenRow }) {
  return <OwnerChip owner={row.owner} onSelect={useCells().onOwner} />;
}

function LastUsed({ row }: { row: TokenRow }) {
  return <>{lastUsedText(row.lastUsedDay, useCells().now)}</>;
}

function Actions({ row }: { row: TokenRow }) {
  const { onRotate, onRevoke } = useCells();
  const short = row.tokenId.slice(0, 8);
  return (
    <span className="flex justify-end gap-1.5">
      <Button size="sm" onClick={() => onRotate(row)} aria-label={`Rotate token ${short}`}>
        Rotate…
      </Button>
      <Button size="sm" variant="ghost" className="text-danger" onClick={() => onRevoke(row)} aria-label={`Revoke token ${short}`}>
        Revoke
      </Button>
    </span>
  );
}

function Reasons({ row }: { row: TokenRow }) {
  if (row.reasons.length === 0) return <span className="text-muted">—</span>;
  const [first, ...rest] = row.reasons;
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={row.reasons.map((r) => r.text).join('\n')}>
      <span className="min-w-0 truncate">{first!.text}</span>
      {rest.length ? <span className="shrink-0 rounded bg-surface-2 px-1.5 text-xs text-muted">+{rest.length}</span> : null}
      {rest.length ? <span className="sr-only">; {rest.map((r) => r.text).join('; ')}</span> : null}
    </span>
  );
}

function tokenColumns(canAct: boolean): ColumnDef<TokenRow, any>[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- TanStack's column type
  const select = col.display({ id: 'select', header: () => <SelectAll />, cell: (c) => <SelectOne row={c.row.original} />, meta: { csv: false, className: 'w-10' } });
  const actions = col.display({ id: 'actions', header: () => <span className="sr-only">Actions</span>, cell: (c) => <Actions row={c.row.original} />, meta: { csv: false } });
  const columns = [
    ...(canAct ? [select] : []),
    col.accessor('risk', { header: 'Risk', cell: (c) => <RiskBadge level={c.getValue()} />, meta: { className: 'w-28' } }),
    col.accessor((r) => r.reasons.map((x) => x.text).join('; '), { id: 'reasons', header: 'Why', cell: (c) => <Reasons row={c.row.original} />, meta: { className: 'max-w-80' } }),
    col.accessor((r) => ownerLabel(r.owner), {
      id: 'owner',
      header: 'Owner',
      cell: (c) => <Owner row={c.row.original} />,
      meta: { className: 'max-w-56', csv: (r) => (r.owner.name && r.owner.name !== ownerLabel(r.owner) ? `${ownerLabel(r.owner)} <${r.owner.name}>` : ownerLabel(r.owner)) },
    }),
    col.accessor((r) => OWNER_KIND_LABEL[r.owner.kind], { id: 'ownerType', header: 'Owner type', meta: { className: 'whitespace-nowrap text-muted' } }),
    col.accessor('comment', { header: 'Comment', cell: (c) => <span className="block max-w-48 truncate" title={c.getValue()}>{c.getValue() || <span className="text-muted">—</span>}</span> }),
    col.accessor((r) => isoDay(r.creationTime), { id: 'created', header: 'Created', meta: { className: 'whitespace-nowrap tabular-nums' } }),
    col.accessor((r) => r.createdBy ?? '', { id: 'createdBy', header: 'Created by', cell: (c) => <span className="block max-w-44 truncate" title={c.getValue()}>{c.getValue()}</span> }),
    col.accessor((r) => expiryText(r), { id: 'expires', header: 'Expires', meta: { className: 'whitespace-nowrap tabular-nums' } }),
    col.accessor((r) => r.lastUsedDay, { id: 'lastUsed', header: 'Last used', cell: (c) => <LastUsed row={c.row.original} />, meta: { className: 'whitespace-nowrap tabular-nums', csv: (r) => (r.lastUsedDay === null ? '' : isoDay(r.lastUsedDay)) } }),
    col.accessor('tokenId', { header: 'Token id', cell: (c) => <code className="font-mono text-xs text-muted" title={c.getValue()}>{c.getValue().slice(0, 10)}…</code> }),
    ...(canAct ? [actions] : []),
  ];
  // The server sorts (the URL says how); a header click must not reorder one page of it on its own.
  return columns.map((c) => ({ ...c, enableSorting: false }));
}

export function TokenTable({ canAct, toolbar, empty, ...cells }: TokenTableProps) {
  const columns = useMemo(() => tokenColumns(canAct), [canAct]);
  return (
    <TableContext.Provider value={cells}>
      <DataTable
        data={cells.rows}
        columns={columns}
        getRowId={(r) => r.tokenId}
        caption="Personal access tokens"
        csvFileName="tokens.csv"
        search={false}
        toolbar={toolbar}
        empty={empty}
        rowHeight={45}
        maxHeight="65vh"
      />
    </TableContext.Provider>
  );
}
