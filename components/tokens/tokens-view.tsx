'use client';
// The /tokens screen: notices, summary, policy, rotations and the table. Filters are the URL; the server applies them.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { downloadCsv } from '@/components/ui/download-csv';
import { DownloadIcon, RefreshIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonTable } from '@/components/ui/skeleton';
import { fetchTokenList, tokenQueries, type TokenList } from '@/lib/tokens/queries';
import { DEFAULT_TOKEN_FILTERS, TOKENS_URL, type TokenFilters } from '@/lib/tokens/contract';
import { useUrlState } from '@/lib/use-url-state';
import { count } from '@/lib/plural';
import { failureError, isQueryFailure } from '@/lib/query/fetch';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { RotationJournal } from './rotation-journal';
import { TokenFiltersBar } from './token-filters-bar';
import { TokenPolicyPanel } from './token-policy-panel';
import { TokenSummaryCards } from './token-summary';
import { TokenTable } from './token-table';
import { afterHydration } from '@/components/ui/after-hydration';

// Dialogs open on a click, after the page is live: their forms and checks load then, not with the page's first screen.
const RotateDialog = afterHydration(() => import('./rotate-dialog').then((m) => m.RotateDialog));
const RevokeDialog = afterHydration(() => import('./revoke-dialogs').then((m) => m.RevokeDialog));
const BulkRevokeDialog = afterHydration(() => import('./revoke-dialogs').then((m) => m.BulkRevokeDialog));

/** Rotations that wait for a person: a step to retry, or a value shown once that nobody has confirmed storing. */
const NEEDS_SOMEONE = new Set(['partial', 'needs_attention', 'awaiting_confirmation']);

export interface TokensViewProps {
  /** Why the link's filters were ignored, when they were invalid. */
  filterError: string | null;
  canAct: boolean;
  /** The signed-in person (their own tokens are explained differently when Brickwatch acts as a service principal). */
  person: { userName: string };
}

function emptyFor(data: TokenList, filters: TokenFilters, clear: () => void) {
  if (data.total === 0)
    return (
      <EmptyState
        title="No personal access tokens"
        description={data.scope === 'own' ? 'This identity has no tokens of its own.' : 'Nobody in this workspace has a token.'}
        good
      />
    );
  const onlyHigh =
    filters.risk?.length === 1 &&
    filters.risk[0] === 'high' &&
    !filters.ownerType &&
    !filters.owner &&
    !filters.expiry &&
    !filters.unused &&
    !filters.q;
  if (onlyHigh) return <EmptyState title="No high-risk tokens — good" good />;
  if (filters.expiry === 'never' && !filters.q) return <EmptyState title="No tokens without expiry — good" good />;
  return (
    <EmptyState
      title="No tokens match these filters"
      action={
        <Button size="sm" onClick={clear}>
          Clear filters
        </Button>
      }
    />
  );
}

/** What is shown — the server's filtered and sorted rows — as a file, built in the browser (its code loads on the click). */
async function exportTokens(rows: readonly TokenRow[]) {
  const { tokensToCsv } = await import('./token-csv');
  downloadCsv('tokens.csv', tokensToCsv(rows));
}

export function TokensView({ filterError, canAct, person }: TokensViewProps) {
  const [filters, setFilters] = useUrlState(TOKENS_URL);
  const queryClient = useQueryClient();
  const {
    data: answer,
    error: readError,
    isFetching,
    refetch,
  } = useQuery({ ...tokenQueries.list(filters), placeholderData: keepPreviousData });
  const data = isQueryFailure(answer) ? undefined : answer;
  const error = readError ?? (isQueryFailure(answer) ? failureError(answer) : null);
  // Refresh asks the server to read Databricks again instead of answering from its short cache.
  const refresh = useCallback(async () => {
    await queryClient
      .fetchQuery({ ...tokenQueries.list(filters), queryFn: ({ signal }) => fetchTokenList(filters, signal, true), staleTime: 0 })
      .catch(() => undefined); // A failed read is the query's own error state, which the page shows as such.
    await queryClient.invalidateQueries({ queryKey: tokenQueries.rotations().queryKey });
  }, [queryClient, filters]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rotateRow, setRotateRow] = useState<TokenRow | null>(null);
  const [revokeRow, setRevokeRow] = useState<TokenRow | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);

  const onSelect = useCallback((ids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });
  }, []);
  const onOwner = useCallback((owner: string) => setFilters({ owner }), [setFilters]);
  // Only tokens on screen can be revoked in bulk: a selection made under other filters is not carried along unseen.
  const selectedShown = useMemo(() => (data ? data.rows.filter((r) => selected.has(r.tokenId)) : []), [data, selected]);

  const { data: journal } = useQuery(tokenQueries.rotations());
  const waiting = journal?.rotations.filter((r) => NEEDS_SOMEONE.has(r.outcome.status)).length ?? 0;
  const own = data?.notices.find((n) => n.code === 'own_tokens_only');
  return (
    <>
      <PageHeader
        title="Tokens"
        description="Every personal access token in the workspace, how risky it is and why, and the policy that governs new ones."
        meta={
          data ? (
            <>
              {count(data.total, 'token')} · read from Databricks at {new Date(data.readAt).toISOString().slice(11, 19)} UTC
              {/* Here, not as a notice above the table: a line that leaves when the rest arrives would shift the page.
                  The status region is always there, so screen readers hear the line come and go. */}
              <span role="status">
                {!data.complete && !error
                  ? `· showing the first ${count(data.rows.length, 'token')} of ${data.matched.toLocaleString('en')}; the rest are loading…`
                  : null}
              </span>
            </>
          ) : null
        }
        actions={
          <Button size="sm" variant="ghost" icon={<RefreshIcon />} pending={isFetching} onClick={() => void refresh()}>
            Refresh
          </Button>
        }
      />
      <div className="space-y-5">
        {filterError ? (
          <InlineStatus tone="warning">The link’s filters were not understood ({filterError}); showing every token instead.</InlineStatus>
        ) : null}
        {own ? (
          <InlineStatus tone="warning">
            <strong>Only your own tokens are shown.</strong> {own.message}
          </InlineStatus>
        ) : null}
        {waiting ? (
          <InlineStatus tone="warning">
            {waiting === 1 ? 'One rotation needs' : `${waiting} rotations need`} attention:{' '}
            <a href="#rotations" className="font-medium underline">
              see Rotations
            </a>
            .
          </InlineStatus>
        ) : null}
        {data?.notices
          .filter((n) => n !== own)
          .map((n) => (
            <DegradedNotice key={n.code} reason={n.message} />
          ))}
        {error && data ? (
          <InlineStatus tone="warning">
            Could not refresh ({error.message}); showing the tokens as read at {new Date(data.readAt).toISOString().slice(11, 19)} UTC.
          </InlineStatus>
        ) : null}
        {error && !data ? (
          <InlineStatus tone="danger">
            Tokens could not be listed: {error.message}{' '}
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          </InlineStatus>
        ) : null}
        {data ? (
          <>
            <TokenSummaryCards summary={data.summary} />
            <TokenTable
              rows={data.rows}
              now={data.generatedAt}
              canAct={canAct}
              selected={selected}
              onSelect={onSelect}
              onOwner={onOwner}
              onRotate={setRotateRow}
              onRevoke={setRevokeRow}
              empty={emptyFor(data, filters, () => setFilters(() => ({ ...DEFAULT_TOKEN_FILTERS, sort: filters.sort, dir: filters.dir })))}
              toolbar={
                <TokenFiltersBar
                  filters={filters}
                  onChange={(next) => setFilters(() => next)}
                  actions={
                    <>
                      <Button
                        size="sm"
                        icon={<DownloadIcon />}
                        onClick={() => void exportTokens(data.rows)}
                        disabled={data.rows.length === 0 || !data.complete}
                      >
                        Export CSV
                      </Button>
                      {canAct && selectedShown.length ? (
                        <Button size="sm" variant="danger" onClick={() => setBulkOpen(true)}>
                          Revoke selected ({selectedShown.length})
                        </Button>
                      ) : null}
                    </>
                  }
                />
              }
            />
            <div className="grid items-start gap-4 xl:grid-cols-2">
              <TokenPolicyPanel
                policy={data.policy}
                canAct={canAct}
                reason={data.notices.find((n) => n.code === 'policy_unavailable')?.message}
              />
              <div id="rotations" className="scroll-mt-4">
                <RotationJournal canAct={canAct} />
              </div>
            </div>
            {canAct ? (
              <>
                <RotateDialog
                  row={rotateRow}
                  actor={data.actor}
                  person={person}
                  limits={data.limits}
                  onClose={() => setRotateRow(null)}
                  onRevokeInstead={(row) => {
                    setRotateRow(null);
                    setRevokeRow(row);
                  }}
                />
                <RevokeDialog row={revokeRow} onClose={() => setRevokeRow(null)} />
                <BulkRevokeDialog
                  rows={selectedShown}
                  open={bulkOpen}
                  onClose={() => setBulkOpen(false)}
                  onDone={() => {
                    setBulkOpen(false);
                    setSelected(new Set());
                  }}
                />
              </>
            ) : null}
          </>
        ) : !error ? (
          <SkeletonTable rows={10} columns={8} />
        ) : null}
      </div>
    </>
  );
}
