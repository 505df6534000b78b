import Link from 'next/link';
import { cn } from '@/components/ui/cn';

const TABS = [
  { id: 'scopes', href: '/secrets', label: 'Scopes and settings' },
  { id: 'code', href: '/secrets/code', label: 'Credentials in code' },
] as const;

/** The two views of Secrets as links (each has its own address, so a view can be shared and reloaded). */
export function SecretsTabs({ current }: { current: (typeof TABS)[number]['id'] }) {
  return (
    <nav aria-label="Secrets views" className="flex gap-1 border-b border-border">
      {TABS.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
            t.id === current ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
