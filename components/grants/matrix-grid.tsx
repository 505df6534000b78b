'use client';
// The grant matrix: securables down the side (a tree), principals across the top, virtualized in both directions so a
// metastore of thousands of tables and hundreds of principals stays a few hundred DOM nodes. The header row and the
// securable column stick while the grid scrolls. Nothing is cut without a way to read it: every header and every
// non-empty cell is a button that opens the whole story in a dialog (keyboard and touch alike).
import { useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { useWindow } from '@/components/ui/use-window';
import type { PrincipalRef } from '@/lib/principals/contract';
import type { SecurableRow } from '@/lib/grants/contract';
import { cellText, type Cell, type MatrixModel, type MatrixRow } from './matrix-model';
import { KIND_LABEL, TYPE_LABEL, principalLabel } from './format';

const ROW_H = 44;
const HEADER_H = 56;
const COL_W = 148;
const SIDE_W = 300;

export interface MatrixGridProps {
  model: MatrixModel;
  caption: string;
  /** Admins may click an empty cell to grant there. */
  canAct: boolean;
  onToggle: (row: MatrixRow) => void;
  onSecurable: (s: SecurableRow) => void;
  onPrincipal: (p: PrincipalRef) => void;
  onCell: (s: SecurableRow, p: PrincipalRef) => void;
}

function Chip({ tone, children, title }: { tone: 'direct' | 'inherited' | 'owner' | 'inside'; children: string; title?: string }) {
  return (
    <span
      title={title}
      className={cn(
        'block max-w-full truncate rounded px-1 text-[11px] leading-[18px] font-medium whitespace-nowrap',
        tone === 'direct' && 'bg-accent-soft text-accent',
        tone === 'inherited' && 'border border-dashed border-border-strong text-muted',
        tone === 'owner' && 'bg-warning-soft text-warning',
        tone === 'inside' && 'bg-surface-2 text-muted',
      )}
    >
      {children}
    </span>
  );
}

function chipsOf(cell: Cell) {
  const chips: Array<{ tone: 'direct' | 'inherited' | 'owner' | 'inside'; text: string }> = [];
  if (cell.owner) chips.push({ tone: 'owner', text: 'OWNER' });
  for (const p of cell.direct) chips.push({ tone: 'direct', text: p });
  for (const i of cell.inherited) chips.push({ tone: 'inherited', text: `↳ ${i.privilege}` });
  for (const i of cell.inside) chips.push({ tone: 'inside', text: `${i.privilege} ×${i.objects}` });
  return chips;
}

function CellContent({ cell }: { cell: Cell }) {
  const chips = chipsOf(cell);
  const shown = chips.slice(0, 2);
  const more = chips.length - shown.length;
  return (
    <span aria-hidden className="flex w-full flex-col gap-0.5">
      {shown.map((c, i) => (
        <span key={i} className="flex min-w-0 items-center gap-1">
          <Chip tone={c.tone}>{c.text}</Chip>
          {i === shown.length - 1 && more > 0 ? <span className="shrink-0 text-[11px] text-muted">+{more}</span> : null}
        </span>
      ))}
    </span>
  );
}

export function MatrixGrid({ model, caption, canAct, onToggle, onSecurable, onPrincipal, onCell }: MatrixGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Fixed sizes: nothing is measured.
  const rows = useWindow({ count: model.rows.length, scrollRef, estimateSize: ROW_H, paddingStart: HEADER_H, overscan: 8 });
  const cols = useWindow({
    horizontal: true,
    count: model.principals.length,
    scrollRef,
    estimateSize: COL_W,
    paddingStart: SIDE_W,
    overscan: 3,
  });
  const width = SIDE_W + model.principals.length * COL_W;
  const height = HEADER_H + model.rows.length * ROW_H;
  const virtualCols = cols.items;

  return (
    <div
      ref={scrollRef}
      role="treegrid"
      aria-label={caption}
      aria-rowcount={model.rows.length + 1}
      aria-colcount={model.principals.length + 1}
      tabIndex={0}
      className="relative max-h-[70vh] overflow-auto rounded-lg border border-border bg-surface shadow-card"
    >
      <div style={{ width, height }} className="relative">
        <div
          role="row"
          aria-rowindex={1}
          className="sticky top-0 z-20 border-b border-border bg-surface-2"
          style={{ width, height: HEADER_H }}
        >
          <div
            role="columnheader"
            aria-colindex={1}
            className="sticky left-0 z-30 flex h-full items-end border-r border-border bg-surface-2 px-3 pb-2 text-xs font-semibold text-muted"
            style={{ width: SIDE_W }}
          >
            Securable · owner
          </div>
          {virtualCols.map((c) => {
            const p = model.principals[c.index]!;
            return (
              <div
                key={c.index}
                role="columnheader"
                aria-colindex={c.index + 2}
                className="absolute top-0 h-full border-r border-border px-1.5 py-1"
                style={{ left: c.start, width: COL_W }}
              >
                <button
                  type="button"
                  onClick={() => onPrincipal(p)}
                  className="flex h-full w-full flex-col items-start justify-end rounded px-1 text-left hover:bg-surface"
                >
                  <span className={cn('w-full truncate text-xs font-semibold', p.status !== 'active' && 'line-through decoration-muted')}>
                    {principalLabel(p)}
                  </span>
                  <span className="text-[11px] text-muted">
                    {p.status === 'active' ? KIND_LABEL[p.kind] : `${KIND_LABEL[p.kind]}, ${p.status}`}
                  </span>
                  <span className="sr-only">: details</span>
                </button>
              </div>
            );
          })}
        </div>
        {rows.items.map((r) => {
          const row = model.rows[r.index]!;
          const s = row.securable;
          const name = row.depth === 0 ? s.fullName : s.fullName.slice(s.fullName.lastIndexOf('.') + 1);
          return (
            <div
              key={r.index}
              role="row"
              aria-rowindex={r.index + 2}
              aria-level={row.depth + 1}
              aria-expanded={row.expandable ? row.expanded : undefined}
              className="absolute left-0 border-b border-border"
              style={{ top: r.start, height: ROW_H, width }}
            >
              <div
                role="rowheader"
                aria-colindex={1}
                className="sticky left-0 z-10 flex h-full items-center gap-1 border-r border-border bg-surface pr-2"
                style={{ width: SIDE_W, paddingLeft: 8 + row.depth * 16 }}
              >
                {row.expandable ? (
                  <button
                    type="button"
                    onClick={() => onToggle(row)}
                    aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${s.fullName}`}
                    className="grid size-6 shrink-0 place-items-center rounded text-muted hover:bg-surface-2"
                  >
                    {row.loading ? '…' : row.expanded ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="size-6 shrink-0" />
                )}
                <button
                  type="button"
                  onClick={() => onSecurable(s)}
                  className="flex min-w-0 flex-1 flex-col items-start rounded px-1 text-left hover:bg-surface-2"
                >
                  <span className="flex w-full min-w-0 items-baseline gap-1.5">
                    <span className="shrink-0 text-[10px] font-semibold tracking-wide text-muted uppercase">{TYPE_LABEL[s.type]}</span>
                    <span className="truncate font-mono text-xs">{name}</span>
                    {s.objects ? <span className="shrink-0 text-[11px] text-muted">{s.objects.toLocaleString('en')} inside</span> : null}
                  </span>
                  {s.owner ? <span className="w-full truncate text-[11px] text-muted">owner {s.owner}</span> : null}
                  <span className="sr-only">{s.fullName}: grants and owner</span>
                </button>
              </div>
              {virtualCols.map((c) => {
                const p = model.principals[c.index]!;
                const cell = model.cell(s.fullName, p.name);
                const text = cellText(cell);
                return (
                  <div
                    key={c.index}
                    role="gridcell"
                    aria-colindex={c.index + 2}
                    className="absolute top-0 h-full border-r border-border p-1"
                    style={{ left: c.start, width: COL_W }}
                  >
                    {cell || canAct ? (
                      <button
                        type="button"
                        onClick={() => onCell(s, p)}
                        className="flex h-full w-full items-center rounded px-0.5 text-left hover:bg-surface-2"
                      >
                        {/* The name is the whole cell in words; the chips (hidden from it) may show only part. */}
                        <span className="sr-only">{`${principalLabel(p)} on ${s.fullName}: ${text || (canAct ? 'nothing; grant…' : 'nothing')}`}</span>
                        {cell ? <CellContent cell={cell} /> : null}
                      </button>
                    ) : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
