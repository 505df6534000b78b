'use client';
// The /data-protection screen: coverage, the sensitive columns (unprotected first) with one-click masks and row filters
// for admins, and the functions in use. Filters are the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useId, useMemo, useState } from 'react';
import { TextFilter } from '@/components/grants/text-filter';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton, SkeletonTable } from '@/components/ui/skeleton';
import { PROTECTION_URL, type ColumnView, type ProtectionPageState } from '@/lib/data-protection/contract';
import { protectionQueries } from '@/lib/data-protection/queries';
import { KIND_LABELS, SENSITIVE_KINDS } from '@/lib/data-protection/rules/detect';
import { useUrlState } from '@/lib/use-url-state';
import { ColumnsTable, rawSummary } from './columns-table';
import { CoveragePanel } from './coverage-panel';
import { FunctionsPanel } from './functions-panel';
import type { ProtectionAction } from './mask-dialogs';
import { afterHydration } from '@/components/ui/after-hydration';

const ProtectionDialogs = afterHydration(() => import('./mask-dialogs').then((m) => m.ProtectionDialogs));

const control = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm';

export function ProtectionView({ canAct }: { canAct: boolean }) {
  const [state, setUrl] = useUrlState(PROTECTION_URL);
  const setState = useCallback((patch: Partial<ProtectionPageState>) => setUrl(patch), [setUrl]);
  const { data, error, refetch, isFetching } = useQuery({ ...protectionQueries.columns(state.catalog), placeholderData: keepPreviousData });
  const [action, setAction] = useState<ProtectionAction | null>(null);
  const [readers, setReaders] = useState<ColumnView | null>(null);
  const ids = { catalog: useId(), kind: useId(), status: useId() };
  const shown = useMemo(() => {
    const q = state.q?.toLowerCase();
    return (data?.columns ?? []).filter(
      (c) =>
        (!state.kind || c.kind === state.kind) &&
        (!state.status || (state.status === 'masked') === c.masked) &&
        (!q || `${c.table}.${c.column}`.toLowerCase().includes(q)),
    );
  }, [data, state.kind, state.status, state.q]);
  const catalogs = data?.coverage.byCatalog.map((c) => c.catalog).sort() ?? [];
  const filterFunctions = data?.functions.filter((f) => f.usedAs.includes('filter')).map((f) => f.name) ?? [];
  const unmasked = data?.columns.filter((c) => !c.masked).length ?? 0;
  const onReaders = useCallback((c: ColumnView) => setReaders(c), []);

  return (
    <>
      <PageHeader
        title="Data protection"
        description="Which personal data is masked or filtered, who can still see it raw, and the masks and row filters that protect it."
        meta={data ? <>Masking functions are created in {data.maskSchema}.</> : null}
      />
      <div className="space-y-5">
        {data?.notices.map((n) => (
          <InlineStatus key={n.code} tone="warning">
            {n.message}
          </InlineStatus>
        ))}
        {error && !data ? (
          <InlineStatus tone="danger">
            Sensitive columns could not be read: {error.message}{' '}
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          </InlineStatus>
        ) : null}
        {data ? <CoveragePanel coverage={data.coverage} /> : !error ? <Skeleton className="h-40" /> : null}
        {data ? (
          <section aria-label="Sensitive columns" className="space-y-2">
            <h2 className="text-base font-semibold">
              Sensitive columns{' '}
              <span className="text-sm font-normal text-muted">
                {unmasked === 0 ? '— every one is masked' : `— ${unmasked.toLocaleString('en')} not masked, listed first`}
                {isFetching ? ' · updating…' : ''}
              </span>
            </h2>
            <ColumnsTable
              columns={shown}
              maskSchema={data.maskSchema}
              canAct={canAct}
              onAction={setAction}
              onReaders={onReaders}
              empty={
                <p className="py-6 text-center text-sm text-muted">
                  {data.columns.length === 0 ? 'No sensitive columns found.' : 'No column matches these filters.'}
                </p>
              }
              toolbar={
                <div className="flex flex-wrap items-end gap-2">
                  <TextFilter
                    label="Search"
                    placeholder="table or column"
                    value={state.q ?? ''}
                    suggestions={[]}
                    onChange={(q) => setState({ q: q || undefined })}
                    className="w-48"
                  />
                  <div className="flex flex-col gap-1">
                    <label htmlFor={ids.catalog} className="text-xs text-muted">
                      Catalog
                    </label>
                    <select
                      id={ids.catalog}
                      className={control}
                      value={state.catalog ?? ''}
                      onChange={(e) => setState({ catalog: e.target.value || undefined })}
                    >
                      <option value="">Every catalog</option>
                      {[...new Set([...catalogs, ...(state.catalog ? [state.catalog] : [])])].map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={ids.kind} className="text-xs text-muted">
                      Kind
                    </label>
                    <select
                      id={ids.kind}
                      className={control}
                      value={state.kind ?? ''}
                      onChange={(e) => setState({ kind: (e.target.value || undefined) as ProtectionPageState['kind'] })}
                    >
                      <option value="">Any</option>
                      {SENSITIVE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="flex flex-col gap-1">
                    <label htmlFor={ids.status} className="text-xs text-muted">
                      Mask
                    </label>
                    <select
                      id={ids.status}
                      className={control}
                      value={state.status ?? ''}
                      onChange={(e) => setState({ status: (e.target.value || undefined) as ProtectionPageState['status'] })}
                    >
                      <option value="">Masked or not</option>
                      <option value="unmasked">Not masked</option>
                      <option value="masked">Masked</option>
                    </select>
                  </div>
                </div>
              }
            />
          </section>
        ) : !error ? (
          <SkeletonTable rows={10} columns={6} />
        ) : null}
        {data ? <FunctionsPanel functions={data.functions} /> : null}
      </div>
      <ProtectionDialogs action={action} groups={data?.groups ?? []} filterFunctions={filterFunctions} onClose={() => setAction(null)} />
      <Dialog
        open={readers !== null}
        onClose={() => setReaders(null)}
        title={readers ? `Who sees ${readers.table}.${readers.column} raw` : ''}
        description={readers ? rawSummary(readers) : null}
      >
        {readers?.unmaskedReaders === null ? (
          <p className="text-sm">{readers.exposureNote}</p>
        ) : readers ? (
          <div className="space-y-2">
            <ul className="max-h-80 space-y-0.5 overflow-auto font-mono text-xs">
              {readers.unmaskedReaders.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <a className="text-sm underline" href={`/grants/access?readable=${encodeURIComponent(readers.table)}`}>
              How each can read the table
            </a>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
