'use client';
// Credentials outside scopes: cluster and job settings holding a credential as plain text. Each row says where it sits
// and why it was flagged, never the value (masked entirely), and offers the fix: put it into a scope (admins) and the
// exact reference to paste in its place.
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper, type ColumnDef } from '@/components/ui/table-model';
import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineStatus } from '@/components/ui/inline-status';
import { SkeletonTable } from '@/components/ui/skeleton';
import type { PlainCredentialView } from '@/lib/secrets/contract';
import { secretQueries } from '@/lib/secrets/queries';
import { Breakable } from './breakable';
import { CopyButton } from './copy-button';
import { plural } from './format';
import type { PutTarget } from './put-secret-dialog';
import { afterHydration } from '@/components/ui/after-hydration';

const PutSecretDialog = afterHydration(() => import('./put-secret-dialog').then((m) => m.PutSecretDialog));

const col = createColumnHelper<PlainCredentialView>();

function columns(canAct: boolean, onFix: (f: PlainCredentialView) => void) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
  const cols: ColumnDef<PlainCredentialView, any>[] = [
    col.accessor('objectName', {
      header: 'Object',
      cell: (c) => (
        <span className="block leading-tight">
          <span className="block font-medium">{c.getValue()}</span>
          <span className="block text-xs whitespace-nowrap text-muted">
            {c.row.original.objectType === 'cluster' ? 'Cluster' : 'Job'} <span className="font-mono">{c.row.original.objectId}</span>
          </span>
        </span>
      ),
      meta: { csv: (f) => `${f.objectType} ${f.objectName} (${f.objectId})`, className: 'align-top min-w-40' },
    }),
    col.accessor('name', {
      header: 'Setting',
      cell: (c) => (
        <span className="block leading-tight">
          <Breakable text={c.getValue()} className="block font-mono text-xs" />
          <span className="mt-0.5 block text-xs text-muted">{c.row.original.location}</span>
        </span>
      ),
      meta: { csv: (f) => `${f.name} (${f.location})`, className: 'align-top max-w-64' },
    }),
    col.accessor('reason', { header: 'Why', meta: { className: 'align-top text-sm min-w-40 max-w-60' } }),
    col.display({
      id: 'value',
      header: 'Value',
      cell: () => (
        <span className="font-mono text-muted" aria-label="Value hidden">
          ••••••••
        </span>
      ),
      meta: { csv: false, className: 'align-top whitespace-nowrap' },
    }),
    col.accessor((f) => f.suggestion.reference, {
      id: 'fix',
      header: 'Fix',
      cell: (c) => {
        const f = c.row.original;
        return (
          <span className="flex flex-col items-start gap-1">
            <Breakable text={f.suggestion.reference} className="font-mono text-xs" />
            <span className="flex flex-wrap gap-1">
              <CopyButton text={f.suggestion.reference} label="Copy" />
              {canAct ? (
                <Button size="sm" onClick={() => onFix(f)} aria-label={`Put into a scope: ${f.name} of ${f.objectName}`}>
                  Put into a scope…
                </Button>
              ) : null}
            </span>
          </span>
        );
      },
      meta: { label: 'Suggested reference', className: 'align-top min-w-48 max-w-72' },
    }),
  ];
  return cols.map((c) => ({ ...c, enableSorting: false }));
}

export function PlainCredentialsPanel({
  canAct,
  scopes,
}: {
  canAct: boolean;
  scopes: ReadonlyArray<{ name: string; backend: string }> | null;
}) {
  const { data, error, refetch } = useQuery(secretQueries.plain());
  const [fix, setFix] = useState<PutTarget | null>(null);
  const cols = useMemo(
    () =>
      columns(canAct, (f) =>
        setFix({
          scope: f.suggestion.scope,
          key: f.suggestion.key,
          scopeEditable: true,
          keyEditable: true,
          scopes,
          pasteInto: {
            object: `${f.objectType === 'cluster' ? 'the cluster' : 'the job'} ${f.objectName} (${f.location})`,
            setting: f.name,
          },
        }),
      ),
    [canAct, scopes],
  );
  const checked = data ? [data.sources.clusters, data.sources.jobs] : [];
  const complete = checked.every((s) => s.checked !== null);
  return (
    <section aria-labelledby="plain-credentials-heading" id="plain-credentials" className="scroll-mt-4 space-y-3">
      <div>
        <h2 id="plain-credentials-heading" className="text-sm font-semibold">
          Credentials outside scopes
        </h2>
        <p className="mt-0.5 max-w-3xl text-xs text-muted">
          Cluster and job settings (environment variables and Spark config, job and task clusters included) that hold a credential as plain
          text instead of a {'{{secrets/…}}'} reference. Values are never shown.
        </p>
      </div>
      <div className="space-y-3">
        {data ? (
          <>
            {data.sources.clusters.reason ? <DegradedNotice what="clusters" reason={data.sources.clusters.reason} /> : null}
            {data.sources.jobs.reason ? <DegradedNotice what="jobs" reason={data.sources.jobs.reason} /> : null}
            {data.notices.map((n) => (
              <InlineStatus key={n.code} tone="warning">
                {n.message}
              </InlineStatus>
            ))}
            <DataTable
              data={data.findings}
              columns={cols}
              getRowId={(f) => `${f.objectType}:${f.objectId}:${f.location}:${f.name}`}
              caption="Credentials outside scopes"
              csvFileName="credentials-outside-scopes.csv"
              maxHeight="60vh"
              toolbar={
                <p className="text-xs text-muted">
                  Checked {data.sources.clusters.checked === null ? 'no clusters' : plural(data.sources.clusters.checked, 'cluster')} and{' '}
                  {data.sources.jobs.checked === null ? 'no jobs' : plural(data.sources.jobs.checked, 'job')}.
                </p>
              }
              empty={
                complete ? (
                  <EmptyState
                    title="No credentials outside scopes — good"
                    description="Every credential-like setting is a secret reference."
                    good
                  />
                ) : (
                  <EmptyState title="None found in what could be read" description="Some objects could not be read (see above)." />
                )
              }
            />
          </>
        ) : error ? (
          <InlineStatus tone="danger">
            Cluster and job settings could not be checked: {error.message}{' '}
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          </InlineStatus>
        ) : (
          <SkeletonTable rows={4} columns={6} />
        )}
      </div>
      {canAct ? <PutSecretDialog target={fix} onClose={() => setFix(null)} /> : null}
    </section>
  );
}
