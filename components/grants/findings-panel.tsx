'use client';
// The least-privilege tab: every grant finding with the exact statement that fixes it, the policy file's state, the
// lineage window, and the fix-up as a SQL script or as Terraform.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@/components/ui/table-model';
import { useId, useMemo, useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { DownloadIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { SkeletonTable } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import type { FindingView, FindingsResponse, GrantsPageState } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { FINDING_CODES, type FindingLevel } from '@/lib/grants/rules/findings';
import type { ProposedChange } from './apply-dialog';
import { CODE_LABEL, LEVEL_LABEL, plural } from './format';
import { afterHydration } from '@/components/ui/after-hydration';

const ApplyDialog = afterHydration(() => import('./apply-dialog').then((m) => m.ApplyDialog));

const LEVEL_TONE: Record<FindingLevel, Tone> = { high: 'danger', medium: 'warning', low: 'info', info: 'neutral' };
const DAY_CHOICES = [30, 60, 90, 180, 365];

function PolicyStatus({ policy }: { policy: FindingsResponse['policy'] }) {
  if (policy.error) {
    return (
      <InlineStatus tone="danger">
        <strong>The policy file {policy.file} was not used</strong>
        {policy.error.line !== null ? ` (line ${policy.error.line})` : ''}: {policy.error.message}. Policy drift is not shown until it is
        fixed.
      </InlineStatus>
    );
  }
  if (!policy.configured) {
    return (
      <InlineStatus tone="info">
        No grants policy is configured, so drift from the intended design is not checked. Set BRICKWATCH_GRANTS_POLICY to a policy file (see
        policies/grants.example.yaml).
      </InlineStatus>
    );
  }
  return (
    <p className="text-xs text-muted">
      Policy {policy.file}: {plural(policy.principals, 'principal')} in {policy.catalogs.join(', ') || 'no catalog'}.
    </p>
  );
}

export function FindingsPanel({
  state,
  setState,
  canAct,
}: {
  state: GrantsPageState;
  setState: (patch: Partial<GrantsPageState>) => void;
  canAct: boolean;
}) {
  const { data, error, refetch } = useQuery(grantQueries.findings(state.days));
  const [change, setChange] = useState<ProposedChange | null>(null);
  const ids = { days: useId(), code: useId() };
  const shown = useMemo(() => data?.findings.filter((f) => !state.code || f.code === state.code) ?? [], [data, state.code]);
  const count = (pred: (f: FindingView) => boolean) => data?.findings.filter(pred).length ?? 0;
  const script = (format: 'sql' | 'terraform') => {
    const p = new URLSearchParams({ format, days: String(state.days) });
    if (state.code) p.set('code', state.code);
    return `/api/grants/script?${p}`;
  };

  const columns = useMemo<ColumnDef<FindingView, unknown>[]>(
    () => [
      {
        id: 'level',
        header: 'Level',
        accessorFn: (f) => f.level,
        sortingFn: (a, b) =>
          ['info', 'low', 'medium', 'high'].indexOf(a.original.level) - ['info', 'low', 'medium', 'high'].indexOf(b.original.level),
        cell: ({ row }) => <Badge tone={LEVEL_TONE[row.original.level]}>{LEVEL_LABEL[row.original.level]}</Badge>,
        meta: { className: 'w-24 align-top' },
      },
      {
        id: 'finding',
        header: 'Finding',
        accessorFn: (f) => `${CODE_LABEL[f.code]}: ${f.text}`,
        cell: ({ row }) => (
          <div className="min-w-[18rem] space-y-0.5">
            <p className="text-xs font-medium text-muted">{CODE_LABEL[row.original.code]}</p>
            <p className="text-sm">{row.original.text}</p>
          </div>
        ),
        meta: { className: 'align-top', csv: (f) => f.text },
      },
      {
        id: 'sql',
        header: 'Statement that fixes it',
        accessorFn: (f) => f.sql ?? '',
        enableSorting: false,
        cell: ({ row }) =>
          row.original.sql ? (
            <code className="block max-w-[26rem] font-mono text-xs whitespace-pre-wrap">{row.original.sql}</code>
          ) : (
            <span className="text-xs text-muted">—</span>
          ),
        meta: { className: 'align-top' },
      },
      ...(canAct
        ? [
            {
              id: 'act',
              header: () => <span className="sr-only">Action</span>,
              enableSorting: false,
              cell: ({ row }: { row: { original: FindingView } }) => {
                const f = row.original;
                return f.fix && f.sql ? (
                  <Button
                    size="sm"
                    variant={f.fix.action === 'REVOKE' ? 'ghost-danger' : 'secondary'}
                    aria-label={`${f.fix.action === 'REVOKE' ? 'Revoke' : 'Grant'}: ${f.sql}`}
                    onClick={() => setChange({ ...f.fix!, reason: f.text })}
                  >
                    {f.fix.action === 'REVOKE' ? 'Revoke…' : 'Grant…'}
                  </Button>
                ) : null;
              },
              meta: { className: 'w-24 align-top', csv: false as const, stickyRight: true },
            } satisfies ColumnDef<FindingView, unknown>,
          ]
        : []),
    ],
    [canAct],
  );

  return (
    <div className="space-y-4">
      {data ? (
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
          <StatCard
            label="High"
            value={count((f) => f.level === 'high')}
            tone="danger"
            hint="everyone or a service principal holding everything"
          />
          <StatCard
            label="Medium"
            value={count((f) => f.level === 'medium')}
            tone="warning"
            hint="MANAGE outside admins, inactive principals, drift"
          />
          <StatCard label="Low" value={count((f) => f.level === 'low')} tone="info" hint="grants to people, missing policy grants" />
          <StatCard
            label="No recorded use"
            value={data.lineage.collected ? count((f) => f.code === 'no_recorded_use') : '—'}
            hint={data.lineage.collected ? `SELECT or MODIFY with no read or write in ${data.lineage.days} days` : 'lineage not collected'}
          />
          <StatCard
            label="Policy drift"
            value={data.policy.configured && !data.policy.error ? count((f) => f.code.startsWith('policy_')) : '—'}
            hint={
              data.policy.configured
                ? data.policy.error
                  ? 'the policy file has an error'
                  : 'excess, missing or unmentioned'
                : 'no policy configured'
            }
          />
        </div>
      ) : null}
      {data ? <PolicyStatus policy={data.policy} /> : null}
      {data && !data.lineage.collected ? (
        <DegradedNotice
          what="grants with no recorded use"
          reason={
            data.findings.find((f) => f.code === 'lineage_not_collected')?.text.replace(/^Not collected: /, '') ?? 'lineage unavailable'
          }
        />
      ) : null}
      <p className="text-xs text-muted">
        Use is judged from system.access.table_lineage, which Databricks records only where it can infer lineage: a grant with no recorded
        use may still be used.
      </p>
      {error && !data ? (
        <InlineStatus tone="danger">
          The findings could not be read: {error.message}{' '}
          <Button size="sm" onClick={() => void refetch()}>
            Try again
          </Button>
        </InlineStatus>
      ) : null}
      {!data && !error ? <SkeletonTable rows={10} columns={4} /> : null}
      {data ? (
        <DataTable
          data={shown}
          columns={columns}
          getRowId={(f) => `${f.code}|${f.principal}|${f.securable}|${f.privilege}`}
          caption="Grant findings"
          csvFileName="grant-findings.csv"
          virtualizeAbove={150}
          rowHeight={88}
          initialSorting={[{ id: 'level', desc: true }]}
          toolbar={
            <>
              <label htmlFor={ids.code} className="sr-only">
                Kind of finding
              </label>
              <select
                id={ids.code}
                value={state.code ?? ''}
                onChange={(e) => setState({ code: (e.target.value || undefined) as GrantsPageState['code'] })}
                className="h-8 w-56 rounded-md border border-border-strong bg-surface px-2 text-sm"
              >
                <option value="">Every kind</option>
                {FINDING_CODES.filter((c) => data.findings.some((f) => f.code === c) || c === state.code).map((c) => (
                  <option key={c} value={c}>
                    {CODE_LABEL[c]}
                  </option>
                ))}
              </select>
              <label htmlFor={ids.days} className="sr-only">
                Days without recorded use
              </label>
              <select
                id={ids.days}
                value={state.days}
                onChange={(e) => setState({ days: Number(e.target.value) })}
                className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm"
              >
                {[...new Set([...DAY_CHOICES, state.days])]
                  .sort((a, b) => a - b)
                  .map((d) => (
                    <option key={d} value={d}>
                      No use in {d} days
                    </option>
                  ))}
              </select>
              <a className={buttonClass('secondary', 'sm')} href={script('sql')} download>
                <DownloadIcon /> Fix-up SQL
              </a>
              <a className={buttonClass('secondary', 'sm')} href={script('terraform')} download>
                <DownloadIcon /> Terraform
              </a>
            </>
          }
          empty={
            <p className="py-6 text-center text-sm text-muted">
              {data.findings.length === 0 ? 'No grant findings — good.' : 'No findings of this kind.'}
            </p>
          }
        />
      ) : null}
      <ApplyDialog change={change} onClose={() => setChange(null)} />
    </div>
  );
}
