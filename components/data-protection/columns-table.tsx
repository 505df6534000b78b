'use client';
// Sensitive columns, unprotected first: how each was found, its mask and its table's row filter, and how many of the
// people and service principals who can read the table see it raw.
import type { ColumnDef } from '@/components/ui/table-model';
import { useCallback, useMemo, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import type { ColumnView } from '@/lib/data-protection/contract';
import { KIND_LABELS } from '@/lib/data-protection/rules/detect';
import type { ProtectionAction } from './mask-dialogs';

const SOURCE_LABEL = { name: 'name', tag: 'tag', type: 'type' } as const;

export function rawSummary(c: ColumnView): string {
  if (c.unmaskedReaders === null) return 'Depends on the function';
  if (c.readers === 0) return 'Nobody can read the table';
  return `${c.unmaskedReaders.length.toLocaleString('en')} of ${c.readers.toLocaleString('en')} readers`;
}

export function ColumnsTable({
  columns,
  maskSchema,
  canAct,
  onAction,
  onReaders,
  toolbar,
  empty,
}: {
  columns: ColumnView[];
  /** Functions in this schema are named without it (the functions panel names them in full). */
  maskSchema: string;
  canAct: boolean;
  onAction: (a: ProtectionAction) => void;
  onReaders: (c: ColumnView) => void;
  toolbar: ReactNode;
  empty: ReactNode;
}) {
  const short = useCallback(
    (fn: string) => (fn.toLowerCase().startsWith(`${maskSchema.toLowerCase()}.`) ? fn.slice(maskSchema.length + 1) : fn),
    [maskSchema],
  );
  const defs = useMemo<ColumnDef<ColumnView, unknown>[]>(
    () => [
      {
        id: 'column',
        header: 'Column',
        accessorFn: (c) => `${c.table}.${c.column}`,
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="space-y-0.5">
              <p className="text-sm">
                <span className="font-mono font-medium">{c.column}</span> <span className="text-xs text-muted">{c.dataType}</span>
              </p>
              <p className="font-mono text-xs text-muted">{c.table}</p>
            </div>
          );
        },
        meta: { className: 'align-top', csv: (c) => `${c.table}.${c.column} (${c.dataType})` },
      },
      {
        id: 'kind',
        header: 'Personal data',
        accessorFn: (c) => KIND_LABELS[c.kind],
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="space-y-0.5">
              <p className="text-sm">{KIND_LABELS[c.kind]}</p>
              <p className="text-xs text-muted">
                found by {c.sources.map((x) => SOURCE_LABEL[x]).join(' and ')}
                {c.tags.length ? ` (${c.tags.join(', ')})` : ''}
              </p>
            </div>
          );
        },
        meta: { className: 'align-top', csv: (c) => `${KIND_LABELS[c.kind]} (${c.sources.join(', ')})` },
      },
      {
        id: 'mask',
        header: 'Mask',
        accessorFn: (c) => c.maskFunction ?? 'not masked',
        cell: ({ row }) => {
          const c = row.original;
          return c.maskFunction ? (
            <div className="space-y-1">
              <p className="font-mono text-xs">{short(c.maskFunction)}</p>
              {canAct ? (
                <Button
                  size="sm"
                  variant="ghost-danger"
                  onClick={() => onAction({ kind: 'unmask', column: c })}
                  aria-label={`Remove the mask on ${c.table}.${c.column}`}
                >
                  Remove…
                </Button>
              ) : null}
            </div>
          ) : (
            <Badge tone="danger">Not masked</Badge>
          );
        },
        meta: { className: 'align-top' },
      },
      {
        id: 'filter',
        header: 'Row filter',
        accessorFn: (c) => c.rowFilter?.function ?? 'none',
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="space-y-1">
              {c.rowFilter ? (
                <p className="font-mono text-xs">
                  {short(c.rowFilter.function)}
                  {c.rowFilter.columns.length ? ` ON (${c.rowFilter.columns.join(', ')})` : ''}
                </p>
              ) : (
                <p className="text-xs text-muted">None</p>
              )}
              {canAct ? (
                c.rowFilter ? (
                  <Button
                    size="sm"
                    variant="ghost-danger"
                    aria-label={`Remove the row filter on ${c.table}`}
                    onClick={() => onAction({ kind: 'unfilter', table: c.table, function: c.rowFilter!.function })}
                  >
                    Remove…
                  </Button>
                ) : (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Add a row filter on ${c.table}`}
                    onClick={() => onAction({ kind: 'filter', table: c.table })}
                  >
                    Add…
                  </Button>
                )
              ) : null}
            </div>
          );
        },
        meta: { className: 'align-top' },
      },
      {
        id: 'raw',
        header: 'Sees it raw',
        accessorFn: (c) => (c.unmaskedReaders === null ? -1 : c.unmaskedReaders.length),
        cell: ({ row }) => {
          const c = row.original;
          return (
            <div className="space-y-0.5">
              <button
                type="button"
                onClick={() => onReaders(c)}
                className="text-left text-sm underline decoration-dotted underline-offset-2 hover:text-accent"
                aria-label={`Who sees ${c.table}.${c.column} raw: ${rawSummary(c)}`}
              >
                {rawSummary(c)}
              </button>
              {c.exposureNote ? <p className="max-w-[16rem] text-xs text-muted">{c.exposureNote}</p> : null}
            </div>
          );
        },
        meta: { className: 'align-top', csv: (c) => rawSummary(c) },
      },
      ...(canAct
        ? [
            {
              id: 'act',
              header: () => <span className="sr-only">Action</span>,
              enableSorting: false,
              cell: ({ row }: { row: { original: ColumnView } }) =>
                row.original.masked ? null : (
                  <Button
                    size="sm"
                    variant="primary"
                    onClick={() => onAction({ kind: 'mask', column: row.original })}
                    aria-label={`Mask ${row.original.table}.${row.original.column}`}
                  >
                    Mask…
                  </Button>
                ),
              meta: { className: 'align-top', csv: false as const, stickyRight: true },
            } satisfies ColumnDef<ColumnView, unknown>,
          ]
        : []),
    ],
    [canAct, onAction, onReaders, short],
  );
  return (
    <DataTable
      data={columns}
      columns={defs}
      getRowId={(c) => `${c.table}.${c.column}`}
      caption="Sensitive columns"
      csvFileName="sensitive-columns.csv"
      search={false}
      virtualizeAbove={200}
      rowHeight={84}
      toolbar={toolbar}
      empty={empty}
    />
  );
}
