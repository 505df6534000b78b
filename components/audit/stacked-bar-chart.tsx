'use client';
// A hand-rolled stacked bar chart over time buckets (no chart library: a few hundred lines of SVG beat a 100 kB
// dependency). Drag across bars, or use Shift+arrows then Enter, to zoom into a range; arrows alone move
// between buckets and announce their counts.
import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import type { BucketAxis } from '@/lib/audit/rules/series';
import { brushWindow, bucketLabel, niceMax, stackTotals, tickIndices, tickLabel } from './chart-scale';

export interface ChartSeries {
  id: string;
  label: string;
  /** Tailwind fill-* class for the bars. */
  fillClass: string;
  counts: readonly number[];
}

export interface ChartMarker {
  index: number;
  label: string;
}

interface Props {
  /** Accessible name, e.g. "Audit events per hour by category". */
  title: string;
  axis: BucketAxis;
  series: readonly ChartSeries[];
  /** End of the view: a brushed range never reaches past it. */
  end: Date;
  markers?: readonly ChartMarker[];
  onBrush?: (range: { from: Date; to: Date }) => void;
  height?: number;
}

const W = 960;
const PAD = { left: 48, right: 8, top: 16, bottom: 24 };

export function StackedBarChart({ title, axis, series, end, markers = [], onBrush, height = 220 }: Props) {
  const helpId = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const [brush, setBrush] = useState<{ anchor: number; current: number } | null>(null);

  const plotW = W - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const barW = axis.count ? plotW / axis.count : plotW;
  const totals = useMemo(() => stackTotals(series, axis.count), [series, axis.count]);
  const max = niceMax(Math.max(0, ...totals));
  const y = (v: number) => (v / max) * plotH;
  const markerAt = useMemo(() => new Map(markers.map((m) => [m.index, m])), [markers]);

  const bars = useMemo(() => {
    const gap = barW > 4 ? 1 : 0;
    const rects: ReactElement[] = [];
    for (let i = 0; i < axis.count; i++) {
      let base = PAD.top + plotH;
      for (const s of series) {
        const v = s.counts[i] ?? 0;
        if (!v) continue;
        const h = Math.max(y(v), 0.5);
        base -= h;
        rects.push(
          <rect
            key={`${s.id}-${i}`}
            x={PAD.left + i * barW + gap / 2}
            y={base}
            width={Math.max(barW - gap, 0.5)}
            height={h}
            className={s.fillClass}
          />,
        );
      }
    }
    return rects;
    // y depends only on max and plotH, both covered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series, axis.count, barW, max, plotH]);

  const indexAt = (clientX: number): number => {
    const box = svgRef.current?.getBoundingClientRect();
    if (!box || axis.count === 0) return 0;
    const x = ((clientX - box.left) / box.width) * W - PAD.left;
    return Math.min(axis.count - 1, Math.max(0, Math.floor(x / barW)));
  };

  const zoom = (a: number, b: number) => onBrush?.(brushWindow(axis, a, b, end));

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (!onBrush || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const i = indexAt(e.clientX);
    setBrush({ anchor: i, current: i });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const i = indexAt(e.clientX);
    setHover(i);
    if (brush) setBrush({ ...brush, current: i });
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (!brush) return;
    const i = indexAt(e.clientX);
    setBrush(null);
    // A click (no drag) only selects a bucket; zooming takes a deliberate drag across at least two.
    if (i !== brush.anchor) zoom(brush.anchor, i);
    else setFocus(i);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (axis.count === 0) return;
    const current = brush?.current ?? focus ?? axis.count - 1;
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -24, PageDown: 24 };
    let next: number | null = null;
    if (e.key in step) next = Math.min(axis.count - 1, Math.max(0, current + step[e.key]!));
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = axis.count - 1;
    if (next !== null) {
      e.preventDefault();
      if (e.shiftKey && onBrush) setBrush({ anchor: brush?.anchor ?? focus ?? current, current: next });
      else setBrush(null);
      setFocus(next);
    } else if (e.key === 'Enter' && onBrush && (brush || focus !== null)) {
      e.preventDefault();
      zoom(brush?.anchor ?? focus!, brush?.current ?? focus!);
      setBrush(null);
    } else if (e.key === 'Escape') {
      setBrush(null);
    }
  };

  const active = brush?.current ?? hover ?? focus;
  const selection = brush ? [Math.min(brush.anchor, brush.current), Math.max(brush.anchor, brush.current)] : null;
  const describe = (i: number) => {
    const parts = series.filter((s) => s.counts[i]).map((s) => `${s.label} ${s.counts[i]!.toLocaleString()}`);
    return `${bucketLabel(axis.start + i * axis.size, axis.size)}: ${totals[i]!.toLocaleString()} events${parts.length ? ` (${parts.join(', ')})` : ''}${markerAt.has(i) ? `. ${markerAt.get(i)!.label}` : ''}`;
  };

  return (
    <div className="relative">
      <div
        role="group"
        aria-label={title}
        aria-describedby={helpId}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setBrush(null)}
        className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        <svg
          ref={svgRef}
          viewBox={`0 0 ${W} ${height}`}
          className={`block h-auto w-full touch-none select-none ${onBrush ? 'cursor-crosshair' : ''}`}
          aria-hidden="true"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(null)}
        >
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={PAD.top + plotH - f * plotH}
                y2={PAD.top + plotH - f * plotH}
                className="stroke-border"
              />
              <text x={PAD.left - 6} y={PAD.top + plotH - f * plotH + 4} textAnchor="end" className="fill-muted text-[11px]">
                {(f * max).toLocaleString()}
              </text>
            </g>
          ))}
          {bars}
          {selection && (
            <rect
              x={PAD.left + selection[0]! * barW}
              y={PAD.top}
              width={(selection[1]! - selection[0]! + 1) * barW}
              height={plotH}
              className="fill-accent/20 stroke-accent"
            />
          )}
          {active !== null && !selection && (
            <rect
              x={PAD.left + active * barW}
              y={PAD.top}
              width={Math.max(barW, 1)}
              height={plotH}
              className="fill-fg/5 stroke-border-strong"
            />
          )}
          {markers.map((m) => (
            <path
              key={m.index}
              d={`M ${PAD.left + (m.index + 0.5) * barW} ${PAD.top + plotH - y(totals[m.index] ?? 0) - 3} l -5 -8 h 10 z`}
              className="fill-danger"
            />
          ))}
          {tickIndices(axis).map((i) => (
            <text key={i} x={PAD.left + i * barW} y={height - 6} className="fill-muted text-[11px]">
              {tickLabel(axis.start + i * axis.size, axis.size)}
            </text>
          ))}
        </svg>
      </div>
      <p id={helpId} className="sr-only">
        Arrow keys move between time buckets{onBrush ? '; hold Shift to select a range and press Enter to zoom into it' : ''}. Times are
        UTC.
      </p>
      <p aria-live="polite" className="min-h-5 text-xs text-muted">
        {active !== null ? describe(active) : onBrush ? 'Drag across the bars to zoom into a time range.' : ' '}
      </p>
    </div>
  );
}
