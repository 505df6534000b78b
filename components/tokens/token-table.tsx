'use client';
// The tokens table: the server has already filtered and sorted (the URL says how), so the table only renders,
// windowed past a few hundred rows, in two-line cells that fit a laptop screen. The CSV (token-csv.ts) has one
// column per fact instead.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { RiskBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { isoDay } from '@/lib/tokens/rules/risk';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { expiryLines, lastUsedLines, OWNER_KIND_LABEL, ownerLabel } from './format';
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

/** Two lines in a fixed-height row: what matters, then its detail, muted. */
function TwoLines({ main, detail, title }: { main: ReactNode; detail: ReactNode; title?: string }) {
  return (
    <span className="block min-w-0 leading-tight" title={title}>
      <span className="block truncate">{main}</span>
      <span className="block truncate text-xs text-muted">{detail}</span>
    </span>
  );
}

function SelectAll() {
  const { rows, selected, onSelect } = useCells();
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.tokenId));
  return (
    <input
      type="checkbox"
      aria-label="Select every token shown"
      checked={allOn}
      onChange={(e) =>
        onSelect(
          rows.map((r) => r.tokenId),
          e.target.checked,
        )
      }
      className="size-4"
    />
  );
}

function SelectOne({ row }: { row: TokenRow }) {
  const { selected, onSelect } = useCells();
  return (
    <input
      type="checkbox"
      aria-label={`Select token ${row.tokenId.slice(0, 8)}`}
      checked={selected.has(row.tokenId)}
      onChange={(e) => onSelect([row.tokenId], e.target.checked)}
      className="size-4"
    />
  );
}

/** The level, and why beside it: the first reason, then the next (the tooltip lists them all). */
function Risk({ row }: { row: TokenRow }) {
  const [first, second, ...rest] = row.reasons;
  return (
    <span className="flex items-center gap-2">
      <RiskBadge level={row.risk} />
      <TwoLines
        title={row.reasons.map((r) => r.text).join('\n')}
        main={first?.text ?? <span className="text-muted">no findings</span>}
        detail={second ? `${second.text}${rest.length ? ` · +${rest.length} more` : ''}` : ''}
      />
    </span>
  );
}

function Owner({ row }: { row: TokenRow }) {
  const { owner } = row;
  const name = owner.name && owner.name !== ownerLabel(owner) ? owner.name : OWNER_KIND_LABEL[owner.kind];
  const gone = owner.status === 'deactivated' || owner.status === 'deleted';
  const detail = gone ? (
    <>
      <span className="font-medium text-danger">{owner.status}</span> · {name}
    </>
  ) : (
    name
  );
  return <TwoLines title={owner.name ?? undefined} main={<OwnerChip owner={owner} onSelect={useCells().onOwner} />} detail={detail} />;
}

function LastUsed({ row }: { row: TokenRow }) {
  const [main, detail] = lastUsedLines(row.lastUsedDay, useCells().now);
  return <TwoLines main={main} detail={detail} />;
}

function Actions({ row }: { row: TokenRow }) {
  const { onRotate, onRevoke } = useCells();
  const short = row.tokenId.slice(0, 8);
  return (
    <span className="flex justify-end gap-1">
      <Button size="sm" onClick={() => onRotate(row)} aria-label={`Rotate token ${short}`}>
        Rotate…
      </Button>
      <Button size="sm" variant="ghost-danger" onClick={() => onRevoke(row)} aria-label={`Revoke token ${short}`}>
        Revoke
      </Button>
    </span>
  );
}

function tokenColumns(canAct: boolean) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  const columns: ColumnDef<TokenRow, any>[] = [
    col.display({ id: 'risk', header: 'Risk and why', cell: (c) => <Risk row={c.row.original} />, meta: { className: 'w-60 max-w-60' } }),
    col.display({
      id: 'token',
      header: 'Token',
      cell: ({ row: { original: r } }) => (
        <TwoLines
          title={`${r.comment || 'no comment'}\n${r.tokenId}\ncreated ${isoDay(r.creationTime)}${r.createdBy ? ` by ${r.createdBy}` : ''}`}
          main={r.comment || <span className="text-muted">no comment</span>}
          detail={
            <>
              <code className="font-mono">{r.tokenId.slice(0, 8)}…</code> · {isoDay(r.creationTime)}
            </>
          }
        />
      ),
      meta: { className: 'max-w-36' },
    }),
    col.display({ id: 'owner', header: 'Owner', cell: (c) => <Owner row={c.row.original} />, meta: { className: 'max-w-36' } }),
    col.display({
      id: 'expires',
      header: 'Expires',
      cell: (c) => {
        const [main, detail] = expiryLines(c.row.original);
        return <TwoLines main={main} detail={detail} />;
      },
      meta: { className: 'whitespace-nowrap tabular-nums' },
    }),
    col.display({
      id: 'lastUsed',
      header: 'Last used',
      cell: (c) => <LastUsed row={c.row.original} />,
      meta: { className: 'whitespace-nowrap tabular-nums' },
    }),
  ];
  if (canAct) {
    columns.unshift(
      col.display({
        id: 'select',
        header: () => <SelectAll />,
        cell: (c) => <SelectOne row={c.row.original} />,
        meta: { className: 'w-10' },
      }),
    );
    columns.push(
      col.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (c) => <Actions row={c.row.original} />,
        meta: { stickyRight: true },
      }),
    );
  }
  // The server sorts (the URL says how): a header click must not quietly reorder the view away from its link.
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
        search={false}
        toolbar={toolbar}
        empty={empty}
        rowHeight={53}
        maxHeight="70vh"
      />
    </TableContext.Provider>
  );
}
