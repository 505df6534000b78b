import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Badge } from '@/components/ui/badge';
import type { Role } from '@/lib/roles';
import { NAV_ITEMS } from '@/lib/nav';
import { hasRole, ROLE_LABELS } from '@/lib/roles';
import { BrandMark } from './brand';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import type { ThemeChoice } from './theme';

export interface ShellProps {
  person: { displayName: string; userName: string; role: Role };
  workspaceHost: string;
  theme: ThemeChoice;
  children: ReactNode;
}

/**
 * Signed-in frame: a sidebar from 1280 px, a top bar below (brand and navigation in one row), so a 1024 px laptop gives
 * its width to the tables instead of a 240 px column of four links. Landmarks: banner, navigation, main.
 */
export function AppShell({ person, workspaceHost, theme, children }: ShellProps) {
  const items = NAV_ITEMS.filter((i) => hasRole(person.role, i.role)).map(({ href, label, icon }) => ({ href, label, icon }));
  return (
    <div className="min-h-screen xl:grid xl:grid-cols-[15rem_minmax(0,1fr)] print:block">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="flex flex-wrap items-center gap-x-4 border-b border-border bg-surface print:hidden xl:sticky xl:top-0 xl:h-screen xl:flex-col xl:flex-nowrap xl:items-stretch xl:border-r xl:border-b-0">
        <div className="flex items-center gap-2.5 px-4 py-3 xl:py-4">
          <BrandMark />
          <div className="min-w-0">
            <p className="text-sm leading-tight font-semibold">Brickwatch</p>
            <p className="truncate font-mono text-[11px] leading-tight text-muted" title={workspaceHost}>
              {new URL(workspaceHost).host}
            </p>
          </div>
        </div>
        <nav aria-label="Main" className="min-w-0 flex-1 px-3 py-2 xl:pt-2 xl:pb-3">
          <NavLinks items={items} />
        </nav>
        <p className="hidden px-4 py-3 text-[11px] text-muted xl:block">
          {person.role === 'admin'
            ? 'Changes you make are recorded in the action log with your name.'
            : 'Read-only: changing anything needs the Admin role.'}
        </p>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-border bg-surface/80 px-4 py-2 backdrop-blur print:hidden lg:px-8">
          <div className="mr-auto min-w-0 text-left xl:mr-0 xl:text-right">
            <p className="truncate text-sm leading-tight font-medium">{person.displayName}</p>
            <p className="truncate text-[11px] leading-tight text-muted">{person.userName}</p>
          </div>
          <Badge tone={person.role === 'admin' ? 'accent' : 'neutral'} title="Your Brickwatch role, from your workspace groups">
            {ROLE_LABELS[person.role]}
          </Badge>
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </header>
        <main id="main" tabIndex={-1} className="w-full max-w-7xl flex-1 px-4 py-6 outline-none lg:px-8 lg:py-8 print:max-w-none print:p-0">
          {children}
        </main>
      </div>
    </div>
  );
}
