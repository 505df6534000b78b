import { cn } from '@/components/ui/cn';

/** A brick wall inside a watch ring, in the accent colour. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn('size-7 text-accent', className)}>
      <circle cx="16" cy="16" r="14.5" fill="none" stroke="currentColor" strokeWidth="2" />
      <g fill="currentColor">
        <rect x="8" y="9" width="7" height="4" rx="0.75" />
        <rect x="17" y="9" width="7" height="4" rx="0.75" />
        <rect x="6" y="14" width="5" height="4" rx="0.75" opacity="0.75" />
        <rect x="13" y="14" width="6" height="4" rx="0.75" />
        <rect x="21" y="14" width="5" height="4" rx="0.75" opacity="0.75" />
        <rect x="8" y="19" width="7" height="4" rx="0.75" />
        <rect x="17" y="19" width="7" height="4" rx="0.75" />
      </g>
    </svg>
  );
}
