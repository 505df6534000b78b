'use client';
// The /grants screen: the matrix, the least-privilege findings, and the two access questions, as tabs kept in the URL.
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { cn } from '@/components/ui/cn';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { GRANTS_URL, matrixQueryOf, type GrantsPageState } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { useUrlState } from '@/lib/use-url-state';
import { AccessPanel } from './access-panel';
import { FindingsPanel } from './findings-panel';
import { MatrixPanel } from './matrix-panel';

// The tabs are in the page's bundle, not chunks of their own: a server-rendered section whose code arrives after the
// page has loaded drops what is typed or clicked in between (the e2e fill of the access question was lost under load).

const TABS: Array<{ id: GrantsPageState['tab']; label: string }> = [
  { id: 'matrix', label: 'Grant matrix' },
  { id: 'findings', label: 'Least privilege' },
  { id: 'access', label: 'Who can read what' },
];

export function GrantsView({ canAct }: { canAct: boolean }) {
  const [state, setUrl] = useUrlState(GRANTS_URL);
  const setState = useCallback((patch: Partial<GrantsPageState>) => setUrl(patch), [setUrl]);
  // The notice about a partial view comes with whichever answer the tab shows; the matrix's is cached anyway.
  const { data: matrix } = useQuery({ ...grantQueries.matrix(matrixQueryOf(state)), enabled: state.tab === 'matrix' });
  const { data: findings } = useQuery({ ...grantQueries.findings(state.days), enabled: state.tab === 'findings' });
  const notices = (state.tab === 'matrix' ? matrix?.notices : state.tab === 'findings' ? findings?.notices : undefined) ?? [];
  return (
    <>
      <PageHeader
        title="Grants"
        description="Who can read what across the Unity Catalog metastore, how that compares with the intended design and with what people actually use, and the reviewed GRANT or REVOKE that fixes it."
      />
      <div className="space-y-4">
        {notices.map((n) => (
          <InlineStatus key={n.code} tone="warning">
            {n.message}
          </InlineStatus>
        ))}
        <div role="tablist" aria-label="Grants views" className="flex gap-1 border-b border-border">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`grants-tab-${t.id}`}
              aria-selected={state.tab === t.id}
              aria-controls={`grants-panel-${t.id}`}
              onClick={() => setState({ tab: t.id })}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
                state.tab === t.id ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
              )}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`grants-panel-${state.tab}`} aria-labelledby={`grants-tab-${state.tab}`}>
          {state.tab === 'matrix' ? <MatrixPanel state={state} setState={setState} canAct={canAct} /> : null}
          {state.tab === 'findings' ? <FindingsPanel state={state} setState={setState} canAct={canAct} /> : null}
          {state.tab === 'access' ? <AccessPanel state={state} setState={setState} /> : null}
        </div>
      </div>
    </>
  );
}
