// A light trend line in plain SVG (no chart library ships): one or two series over the same x (time), y 0–100.
// The numbers it draws are also given in words beside it, so the picture is never the only way to read them.
import { cn } from '@/components/ui/cn';

export interface Series {
  label: string;
  /** y in 0–100; null points break the line (e.g. no score that day). */
  values: (number | null)[];
  className: string;
  dashed?: boolean;
}

const W = 240;
const H = 56;
const PAD = 3;

function path(values: (number | null)[], xs: number[]): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const y = PAD + (1 - Math.min(100, Math.max(0, v)) / 100) * (H - 2 * PAD);
    d += `${pen ? 'L' : 'M'}${xs[i]!.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  });
  return d;
}

/**
 * `times` are the points' instants (epoch ms); x is proportional to time, so gaps between snapshots show. A single
 * point is drawn as a flat line across the width.
 */
export function Sparkline({ times, series, label, className }: { times: number[]; series: Series[]; label: string; className?: string }) {
  const one = times.length === 1;
  const first = times[0] ?? 0;
  const span = Math.max(1, (times[times.length - 1] ?? 0) - first);
  const xs = one ? [PAD, W - PAD] : times.map((t) => PAD + ((t - first) / span) * (W - 2 * PAD));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} className={cn('h-14 w-full', className)}>
      <line
        x1={0}
        x2={W}
        y1={H / 2}
        y2={H / 2}
        className="stroke-border"
        strokeWidth={1}
        strokeDasharray="2 3"
        vectorEffect="non-scaling-stroke"
      />
      {series.map((s) => (
        <path
          key={s.label}
          d={path(one ? [s.values[0] ?? null, s.values[0] ?? null] : s.values, xs)}
          className={s.className}
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeDasharray={s.dashed ? '4 3' : undefined}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
