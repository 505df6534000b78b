import type { ReactNode } from 'react';
import { cn } from './cn';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'accent';

const tones: Record<Tone, string> = {
  neutral: 'bg-surface-2 text-muted border-border',
  info: 'bg-info-soft text-info border-transparent',
  success: 'bg-success-soft text-success border-transparent',
  warning: 'bg-warning-soft text-warning border-transparent',
  danger: 'bg-danger-soft text-danger border-transparent',
  accent: 'bg-accent-soft text-accent border-transparent',
};

export function Badge({
  tone = 'neutral',
  children,
  className,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

export type RiskLevel = 'high' | 'medium' | 'low';

const risk: Record<RiskLevel, { tone: Tone; label: string; dots: number }> = {
  high: { tone: 'danger', label: 'High', dots: 3 },
  medium: { tone: 'warning', label: 'Medium', dots: 2 },
  low: { tone: 'success', label: 'Low', dots: 1 },
};

/** Risk is told by text and by a count of filled dots, never by colour alone. */
export function RiskBadge({ level, className }: { level: RiskLevel; className?: string }) {
  const r = risk[level];
  return (
    <Badge tone={r.tone} className={className}>
      <span aria-hidden className="flex gap-0.5">
        {[1, 2, 3].map((i) => (
          <span key={i} className={cn('size-1.5 rounded-full', i <= r.dots ? 'bg-current' : 'bg-current opacity-25')} />
        ))}
      </span>
      {r.label}
      <span className="sr-only"> risk</span>
    </Badge>
  );
}
