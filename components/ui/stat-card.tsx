import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Tone } from './badge';
import { cn } from './cn';

const accents: Record<Tone, string> = {
  neutral: 'before:bg-border-strong',
  info: 'before:bg-info',
  success: 'before:bg-success',
  warning: 'before:bg-warning',
  danger: 'before:bg-danger',
  accent: 'before:bg-accent',
};

/** One number that matters, with what it means. With `href` the whole card links to the detail. */
export function StatCard({
  label,
  value,
  hint,
  tone = 'neutral',
  href,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: Tone;
  href?: string;
}) {
  const body = (
    <>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </>
  );
  const cls = cn(
    'relative block overflow-hidden rounded-lg border border-border bg-surface p-4 pl-5 shadow-card before:absolute before:inset-y-0 before:left-0 before:w-1',
    accents[tone],
    href && 'transition-colors hover:border-border-strong hover:bg-surface-2',
  );
  return href ? (
    <Link href={href} className={cls}>
      {body}
    </Link>
  ) : (
    <div className={cls}>{body}</div>
  );
}
