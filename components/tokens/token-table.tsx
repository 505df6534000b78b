'use client';
// The tokens table: the server has already filtered and sorted (the URL says how), so the table only renders,
// windowed past a few hundred rows. Cells wrap at word boundaries instead of cutting text; at 1280 px and up every
// column shows, and below that only "Last used" gives way (see its column). The CSV (token-csv.ts) has one column per
// fact instead.
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { RiskBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { WindowedTable, type WindowedColumn } from '@/components/ui/windowed-table';
import { Words } from '@/components/ui/words';
import { isoDay } from '@/lib/tokens/rules/risk';
import { commentWithoutMarker } from '@/lib/tokens/rules/rotation-marker';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { count } from '@/lib/plural';
import { expiryLines, lastUsedLines, OWNER_KIND_LABEL } from './format';
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

// Selection and callbacks reach the cells through context, so the column definitions stay stable and a click on a
// checkbox re-renders the visible rows only, not the row model of every token.
type CellContext = Omit<TokenTableProps, 'canAct' | 'toolbar' | 'empty'>;
const TableContext = createContext<CellContext | null>(null);
const useCells = () => useContext(TableContext)!;

/** Two lines: what matters, then its detail, muted. Words wrap rather than being cut. */
function TwoLines({ main, detail, title }: { main: ReactNode; detail: ReactNode; title?: string }) {
  return (
    <span className="block min-w-0 leading-tight" title={title}>
      <span className="block break-words">{main}</span>
      <span className="mt-0.5 block text-xs text-muted">{detail}</span>
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

/**
 * The level, then why: the most severe reason in full (reasons come ordered by severity), the others one press away
 * on a real button, so nothing is only in a tooltip a keyboard or a finger cannot open.
 */
function Risk({ row }: { row: TokenRow }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const [first, ...rest] = row.reasons;
  return (
    <span className="flex max-w-80 min-w-56 flex-col items-start gap-1">
      <RiskBadge level={row.risk} />
      {first ? (
        <span className="text-sm leading-snug">
          <Words text={first.text} />
        </span>
      ) : (
        <span className="text-xs text-muted">no findings</span>
      )}
      {open ? (
        <ul id={listId} className="list-disc space-y-0.5 pl-4 text-xs leading-snug text-muted">
          {rest.map((r) => (
            <li key={r.code}>
              <Words text={r.text} />
            </li>
          ))}
        </ul>
      ) : null}
      {rest.length ? (
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          onClick={() => setOpen((o) => !o)}
          className="rounded text-xs font-medium text-accent hover:underline"
        >
          {open ? 'Fewer reasons' : `${count(rest.length, 'more reason')}`}
        </button>
      ) : null}
    </span>
  );
}

/** The token's comment; a replacement Brickwatch made carries its rotation marker, shown as words (the marker on hover). */
function Comment({ comment }: { comment: string }) {
  const text = commentWithoutMarker(comment);
  const rotated = text !== comment.trim();
  return (
    <>
      {text ? <Words text={text} /> : <span className="text-muted">no comment</span>}
      {rotated ? (
        <span className="ml-1 text-xs text-muted" title={comment}>
          (replacement made by a rotation)
        </span>
      ) : null}
    </>
  );
}

/** Who owns it, by name (a service principal's application id and a person's e-mail on hover), and whether they still exist. */
function Owner({ row }: { row: TokenRow }) {
  const { owner } = row;
  const gone = owner.status === 'deactivated' || owner.status === 'deleted';
  return (
    <span className="block min-w-36 leading-tight" title={owner.name ?? undefined}>
      <OwnerChip owner={owner} onSelect={useCells().onOwner} />
      <span className="mt-0.5 block text-xs text-muted">
        {OWNER_KIND_LABEL[owner.kind]}
        {gone ? (
          <>
            {' '}
            · <span className="font-medium text-danger">{owner.status}</span>
          </>
        ) : null}
      </span>
    </span>
  );
}

function LastUsed({ row }: { row: TokenRow }) {
  const [main, detail] = lastUsedLines(row.lastUsedDay, useCells().now);
  return <TwoLines main={main} detail={detail} />;
}

function Actions({ row }: { row: TokenRow }) {
  const { onRotate, onRevoke } = useCells();
  const short = row.tokenId.slice(0, 8);
  return (
    <span className="flex flex-col items-end gap-1 min-[1400px]:flex-row min-[1400px]:justify-end">
      <Button size="sm" onClick={() => onRotate(row)} aria-label={`Rotate token ${short}`}>
        Rotate…
      </Button>
      <Button size="sm" variant="ghost-danger" onClick={() => onRevoke(row)} aria-label={`Revoke token ${short}`}>
        Revoke
      </Button>
    </span>
  );
}

function tokenColumns(canAct: boolean): WindowedColumn<TokenRow>[] {
  const columns: WindowedColumn<TokenRow>[] = [
    { id: 'risk', header: 'Risk and why', cell: (r) => <Risk row={r} />, className: 'align-top' },
    {
      id: 'token',
      header: 'Token',
      cell: (r) => (
        <TwoLines
          main={<Comment comment={r.comment} />}
          detail={
            <span className="whitespace-nowrap">
              <code className="font-mono">{r.tokenId.slice(0, 8)}…</code> · {isoDay(r.creationTime)}
            </span>
          }
        />
      ),
      className: 'min-w-32 align-top',
    },
    { id: 'owner', header: 'Owner', cell: (r) => <Owner row={r} />, className: 'align-top' },
    {
      id: 'expires',
      header: 'Expires',
      cell: (r) => {
        const [main, detail] = expiryLines(r);
        return <TwoLines main={main} detail={detail} />;
      },
      className: 'whitespace-nowrap tabular-nums align-top',
    },
    // The one column that gives way below 1280 px: how recently a token was used matters most when it has not been,
    // and then a risk reason says so ("Unused for 108 days"); the filter, the sort and the CSV keep it.
    {
      id: 'lastUsed',
      header: 'Last used',
      cell: (r) => <LastUsed row={r} />,
      className: 'whitespace-nowrap tabular-nums align-top',
      hideBelowXl: true,
    },
  ];
  if (!canAct) return columns;
  // The server sorts (the URL says how): headers are not sort buttons, so a click cannot reorder the view away from its link.
  return [
    { id: 'select', header: <SelectAll />, cell: (r) => <SelectOne row={r} />, className: 'w-10 align-top' },
    ...columns,
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      cell: (r) => <Actions row={r} />,
      stickyRight: true,
      className: 'align-top',
    },
  ];
}

export function TokenTable({ canAct, toolbar, empty, ...cells }: TokenTableProps) {
  const columns = useMemo(() => tokenColumns(canAct), [canAct]);
  return (
    <TableContext.Provider value={cells}>
      <WindowedTable
        rows={cells.rows}
        columns={columns}
        getRowId={(r) => r.tokenId}
        caption="Personal access tokens"
        toolbar={toolbar}
        empty={empty}
        rowHeight={72}
        maxHeight="70vh"
      />
    </TableContext.Provider>
  );
}
