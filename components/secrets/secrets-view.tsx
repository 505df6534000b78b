'use client';
// The /secrets screen: what Databricks shows of the workspace's scopes (and what it hides from this identity), the
// scopes worst first with their findings, and credentials left outside scopes in cluster and job settings.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { RefreshIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonTable } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { SECRETS_URL, type ScopesResponse } from '@/lib/secrets/contract';
import { fetchPlainCredentials, fetchScopeList, secretQueries } from '@/lib/secrets/queries';
import { useUrlState } from '@/lib/use-url-state';
import { isoTime, plural } from './format';
import { PlainCredentialsPanel } from './plain-credentials-panel';
import { ScopeFiltersBar } from './scope-filters-bar';
import { ScopeTable } from './scope-table';
import { SecretsTabs } from './secrets-tabs';
import { afterHydration } from '@/components/ui/after-hydration';

const CreateScopeDialog = afterHydration(() => import('./create-scope-dialog').then((m) => m.CreateScopeDialog));

export interface SecretsViewProps {
  /** Why the link's filters were ignored, when they were invalid. */
  filterError: string | null;
  canAct: boolean;
}

function Summary({ data }: { data: ScopesResponse }) {
  const s = data.summary;
  const plainQuery = useQuery(secretQueries.plain());
  const plain = plainQuery.data?.findings.length;
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="Scopes"
        value={data.total.toLocaleString('en')}
        hint={`${plural(s.keys, 'secret')}${s.keyVault ? `, ${plural(s.keyVault, 'Key Vault scope')}` : ''}${s.keysHidden ? ` (${s.keysHidden} hidden)` : ''}`}
      />
      <StatCard
        label="High-risk scopes"
        value={s.byLevel.high}
        tone={s.byLevel.high ? 'danger' : 'success'}
        hint={s.byFinding.all_users ? `${plural(s.byFinding.all_users, 'scope')} open to all users` : 'No scope open to all users'}
        href="/secrets?finding=all_users"
      />
      <StatCard
        label="Scopes with secrets to rotate"
        value={s.byFinding.stale_secrets ?? 0}
        tone={s.byFinding.stale_secrets ? 'warning' : 'success'}
        hint={`not updated for a year; also ${plural(s.byFinding.unread_secrets ?? 0, 'scope')} with unread secrets, ${plural(s.byFinding.empty_scope ?? 0, 'empty scope')}`}
        href="/secrets?finding=stale_secrets"
      />
      <StatCard
        label="Credentials outside scopes"
        value={plain ?? '…'}
        tone={plain ? 'danger' : plain === 0 ? 'success' : 'neutral'}
        hint="in cluster and job settings"
        href="#plain-credentials"
      />
    </div>
  );
}

export function SecretsView({ filterError, canAct }: SecretsViewProps) {
  const [filters, setFilters] = useUrlState(SECRETS_URL);
  const queryClient = useQueryClient();
  const { data, error, isFetching, refetch } = useQuery({ ...secretQueries.list(filters), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  // Refresh asks the server to read Databricks again instead of answering from its short cache.
  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.fetchQuery({
        ...secretQueries.list(filters),
        queryFn: ({ signal }) => fetchScopeList(filters, signal, true),
        staleTime: 0,
      }),
      queryClient.fetchQuery({ ...secretQueries.plain(), queryFn: ({ signal }) => fetchPlainCredentials(signal, true), staleTime: 0 }),
    ]).catch(() => undefined); // A failed read is the query's own error state, which the page shows as such.
  }, [queryClient, filters]);
  // Every scope (not only the filtered ones) for the plain-credential fix's scope suggestions.
  const { data: all } = useQuery({ ...secretQueries.list({}), enabled: canAct });
  const scopes = useMemo(() => all?.scopes.map((s) => ({ name: s.name, backend: s.backend })) ?? null, [all]);
  const partial = data?.notices.find((n) => n.code === 'partial_view');

  return (
    <>
      <PageHeader
        title="Secrets"
        description="Secret scopes, who may read and change them, what is wrong with them, and credentials written straight into clusters and jobs."
        meta={
          data ? (
            <>
              {plural(data.total, 'scope')} · read from Databricks at {isoTime(data.readAt)} UTC
            </>
          ) : null
        }
        actions={
          <>
            <Button size="sm" variant="ghost" icon={<RefreshIcon />} pending={isFetching} onClick={() => void refresh()}>
              Refresh
            </Button>
            {canAct ? (
              <Button size="sm" variant="primary" onClick={() => setCreating(true)}>
                Create scope…
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-5">
        <SecretsTabs current="scopes" />
        {filterError ? (
          <InlineStatus tone="warning">The link’s filters were not understood ({filterError}); showing every scope instead.</InlineStatus>
        ) : null}
        {partial ? (
          <InlineStatus tone="warning">
            <strong>Not the whole workspace.</strong> {partial.message}
          </InlineStatus>
        ) : null}
        {data?.notices
          .filter((n) => n !== partial)
          .map((n) => (
            <DegradedNotice key={n.code} reason={n.message} />
          ))}
        {error && data ? (
          <InlineStatus tone="warning">
            Could not refresh ({error.message}); showing the scopes as read at {isoTime(data.readAt)} UTC.
          </InlineStatus>
        ) : null}
        {error && !data ? (
          <InlineStatus tone="danger">
            Secret scopes could not be listed: {error.message}{' '}
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          </InlineStatus>
        ) : null}
        {data ? (
          <>
            <Summary data={data} />
            <section aria-labelledby="scopes-heading" className="space-y-3">
              <h2 id="scopes-heading" className="text-sm font-semibold">
                Scopes
              </h2>
              <ScopeTable
                scopes={data.scopes}
                now={data.generatedAt}
                toolbar={<ScopeFiltersBar filters={filters} counts={data.summary.byFinding} onChange={(next) => setFilters(() => next)} />}
                empty={
                  data.total === 0 ? (
                    <EmptyState title="No secret scopes" description="Databricks shows no scope in this workspace." />
                  ) : (
                    <EmptyState
                      title="No scopes match these filters"
                      action={
                        <Button size="sm" onClick={() => setFilters(() => ({}))}>
                          Clear filters
                        </Button>
                      }
                    />
                  )
                }
              />
            </section>
          </>
        ) : !error ? (
          <SkeletonTable rows={8} columns={5} />
        ) : null}
        <PlainCredentialsPanel canAct={canAct} scopes={scopes} />
      </div>
      {canAct ? <CreateScopeDialog open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
