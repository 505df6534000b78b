'use client';
// The frame of the /grants screens: the header and the three tabs (in the grants layout), and each tab's notices about
// a partial view. Each tab is a route of its own (/grants, /grants/findings, /grants/access), so a page loads only its
// own tab's code; the filters the tabs share travel with the links between them.
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { grantsHref, GRANTS_TAB_PATH, GRANTS_URL, type GrantsPageState, type GrantsTab } from '@/lib/grants/contract';
import { useUrlState } from '@/lib/use-url-state';

/** A change to the page's URL; naming another tab goes to that tab's route. */
export type GrantsPatch = Partial<GrantsPageState> & { tab?: GrantsTab };

export function useGrantsUrl(tab: GrantsTab): [GrantsPageState, (patch: GrantsPatch) => void] {
  const [state, setUrl] = useUrlState(GRANTS_URL);
  const router = useRouter();
  const update = useCallback(
    ({ tab: to, ...patch }: GrantsPatch) => {
      // From the URL as last written, as useUrlState does: a change just made still travels to the other tab.
      if (to && to !== tab) router.push(grantsHref(to, { ...GRANTS_URL.parse(new URLSearchParams(window.location.search)), ...patch }));
      else setUrl(patch);
    },
    [tab, router, setUrl],
  );
  return [state, update];
}

const TABS: Array<{ id: GrantsTab; label: string }> = [
  { id: 'matrix', label: 'Grant matrix' },
  { id: 'findings', label: 'Least privilege' },
  { id: 'access', label: 'Who can read what' },
];

/** The header and the tabs, in the grants layout: they stay on screen while another tab's route loads. */
export function GrantsFrame({ children }: { children: ReactNode }) {
  const [state] = useUrlState(GRANTS_URL);
  const pathname = usePathname();
  return (
    <>
      <PageHeader
        title="Grants"
        description="Who can read what across the Unity Catalog metastore, how that compares with the intended design and with what people actually use, and the reviewed GRANT or REVOKE that fixes it."
      />
      <div className="space-y-4">
        <nav aria-label="Grants views" className="flex gap-1 border-b border-border">
          {TABS.map((t) => (
            <Link
              key={t.id}
              href={grantsHref(t.id, state)}
              aria-current={GRANTS_TAB_PATH[t.id] === pathname ? 'page' : undefined}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
                GRANTS_TAB_PATH[t.id] === pathname ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
              )}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        {children}
      </div>
    </>
  );
}

/** What a tab's answer says about its own completeness (a catalog not read, no lineage), above the tab. */
export function GrantsNotices({ notices = [] }: { notices?: ReadonlyArray<{ code: string; message: string }> }) {
  return notices.map((n) => (
    <InlineStatus key={n.code} tone="warning">
      {n.message}
    </InlineStatus>
  ));
}
