'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { EyeOffIcon, FileIcon, GridIcon, HomeIcon, KeyIcon, ListIcon, LockIcon, ShieldIcon } from '@/components/ui/icons';
import type { NavIcon, NavItem } from '@/lib/nav';

const ICONS: Record<NavIcon, typeof HomeIcon> = {
  home: HomeIcon,
  key: KeyIcon,
  list: ListIcon,
  shield: ShieldIcon,
  grid: GridIcon,
  lock: LockIcon,
  'eye-off': EyeOffIcon,
  file: FileIcon,
};

export function NavLinks({ items }: { items: readonly Pick<NavItem, 'href' | 'label' | 'icon'>[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 overflow-x-auto xl:flex-col xl:overflow-visible">
      {items.map((item) => {
        const active = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
        const Icon = ICONS[item.icon];
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                // Tighter in the top bar (below 1280 px), so every section fits a 1024 px screen without scrolling.
                'flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm whitespace-nowrap transition-colors xl:gap-2.5 xl:px-2.5',
                active ? 'bg-accent-soft font-medium text-accent' : 'text-muted hover:bg-surface-2 hover:text-fg',
              )}
            >
              <Icon />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
