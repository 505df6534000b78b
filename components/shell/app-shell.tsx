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

/** Signed-in frame: a sidebar on wide screens, a top bar below 1024 px; landmarks banner / navigation / main. */
export function AppShell({ person, workspaceHost, theme, children }: ShellProps) {
  const items = NAV_ITEMS.filter((i) => hasRole(person.role, i.role)).map(({ href, label, icon }) => ({ href, label, icon }));
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] print:block">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-accent-fg focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="border-b border-border bg-surface print:hidden lg:sticky lg:top-0 lg:flex lg:h-screen lg:flex-col lg:border-r lg:border-b-0">
        <div className="flex items-center gap-2.5 px-4 py-3 lg:py-4">
          <BrandMark />
          <div className="min-w-0">
            <p className="text-sm leading-tight font-semibold">Brickwatch</p>
            <p className="truncate font-mono text-[11px] leading-tight text-muted" title={workspaceHost}>
              {new URL(workspaceHost).host}
            </p>
          </div>
        </div>
        <nav aria-label="Main" className="px-3 pb-3 lg:flex-1 lg:pt-2">
          <NavLinks items={items} />
        </nav>
        <p className="hidden px-4 py-3 text-[11px] text-muted lg:block">
          {person.role === 'admin'
            ? 'Changes you make are recorded in the action log with your name.'
            : 'Read-only: changing anything needs the Admin role.'}
        </p>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-border bg-surface/80 px-4 py-2 backdrop-blur print:hidden lg:px-8">
          <div className="mr-auto min-w-0 text-left lg:mr-0 lg:text-right">
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
