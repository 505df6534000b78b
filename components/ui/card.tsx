import type { ReactNode } from 'react';
import { cn } from './cn';

/** A titled panel. `titleAs` keeps the heading outline right (h2 under the page's h1 by default). */
export function Card({
  title,
  description,
  actions,
  children,
  className,
  titleAs: H = 'h2',
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  titleAs?: 'h2' | 'h3';
}) {
  return (
    <section
      aria-label={typeof title === 'string' ? title : undefined}
      className={cn('rounded-lg border border-border bg-surface shadow-card', className)}
    >
      {title || actions ? (
        <header className="flex items-start justify-between gap-3 border-b border-border px-4 py-3">
          <div className="min-w-0">
            {title ? <H className="text-sm font-semibold">{title}</H> : null}
            {description ? <p className="mt-0.5 text-xs text-muted">{description}</p> : null}
          </div>
          {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
        </header>
      ) : null}
      <div className="p-4">{children}</div>
    </section>
  );
}
