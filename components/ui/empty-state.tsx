import type { ReactNode } from 'react';
import { cn } from './cn';
import { CheckIcon } from './icons';

/** An honest empty result. `good` is for empties that are news worth hearing ("No tokens without expiry — good"). */
export function EmptyState({
  title,
  description,
  action,
  good = false,
  className,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  good?: boolean;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-col items-center gap-2 rounded-lg border border-dashed border-border px-6 py-10 text-center', className)}>
      {good ? (
        <span className="rounded-full bg-success-soft p-2 text-success">
          <CheckIcon />
        </span>
      ) : null}
      <p className="font-medium">{title}</p>
      {description ? <div className="max-w-md text-sm text-muted">{description}</div> : null}
      {action ? <div className="pt-2">{action}</div> : null}
    </div>
  );
}
