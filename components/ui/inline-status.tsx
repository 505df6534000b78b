import type { ReactNode } from 'react';
import { cn } from './cn';
import { AlertIcon, CheckIcon, InfoIcon } from './icons';

type StatusTone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<StatusTone, { box: string; icon: ReactNode }> = {
  info: { box: 'bg-info-soft text-info', icon: <InfoIcon /> },
  success: { box: 'bg-success-soft text-success', icon: <CheckIcon /> },
  warning: { box: 'bg-warning-soft text-warning', icon: <AlertIcon /> },
  danger: { box: 'bg-danger-soft text-danger', icon: <AlertIcon /> },
};

/** A one-line outcome next to what caused it. Errors are announced at once (role=alert), the rest politely. */
export function InlineStatus({ tone = 'info', children, className }: { tone?: StatusTone; children: ReactNode; className?: string }) {
  return (
    <div
      role={tone === 'danger' ? 'alert' : 'status'}
      className={cn('flex items-start gap-2 rounded-md px-3 py-2 text-sm', tones[tone].box, className)}
    >
      <span className="mt-0.5 shrink-0">{tones[tone].icon}</span>
      <div className="min-w-0 break-words">{children}</div>
    </div>
  );
}
