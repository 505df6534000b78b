'use client';
// The matrix tab: filters (kept in the URL), a search over securable names, CSV of what is shown, the grid, and the
// dialogs it opens. In the whole-metastore summary a schema's objects are fetched when it is expanded.
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { downloadCsv } from '@/components/ui/download-csv';
import { DownloadIcon } from '@/components/ui/icons';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineStatus } from '@/components/ui/inline-status';
import { SkeletonTable } from '@/components/ui/skeleton';
import { matrixQueryOf, type GrantsPageState, type MatrixResponse, type SecurableRow } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { PRIVILEGES } from '@/lib/grants/rules/privileges';
import type { PrincipalRef } from '@/lib/principals/contract';
import type { ProposedChange } from './apply-dialog';
import type { GrantsPatch } from './grants-view';
import { KIND_LABEL, plural } from './format';
import { MatrixGrid } from './matrix-grid';
import { buildMatrix, matrixCsv, type MatrixRow } from './matrix-model';
import { TextFilter } from './text-filter';
import { afterHydration } from '@/components/ui/after-hydration';

const ApplyDialog = afterHydration(() => import('./apply-dialog').then((m) => m.ApplyDialog));
const CellDialog = afterHydration(() => import('./detail-dialogs').then((m) => m.CellDialog));
const PrincipalDialog = afterHydration(() => import('./detail-dialogs').then((m) => m.PrincipalDialog));
const SecurableDialog = afterHydration(() => import('./detail-dialogs').then((m) => m.SecurableDialog));

const control = 'h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg';

export function MatrixPanel({
  state,
  setState,
  canAct,
}: {
  state: GrantsPageState;
  setState: (patch: GrantsPatch) => void;
  canAct: boolean;
}) {
  const query = matrixQueryOf(state);
  const { data, error, isFetching, refetch } = useQuery({ ...grantQueries.matrix(query), placeholderData: keepPreviousData });
  const summary = useQuery({ ...grantQueries.matrix({}), enabled: Boolean(state.catalog) });
  const catalogs = (state.catalog ? summary.data : data)?.securables.filter((s) => s.type === 'CATALOG').map((s) => s.fullName) ?? [];
  const schemas = (state.catalog ? data : null)?.securables.filter((s) => s.type === 'SCHEMA').map((s) => s.fullName.split('.')[1]!) ?? [];

  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const expandedList = data?.view === 'summary' ? [...expanded] : [];
  const detailQueries = useQueries({
    queries: expandedList.map((name) => {
      const [catalog, schema] = name.split('.');
      return grantQueries.matrix({ ...query, catalog, schema });
    }),
  });
  const details = new Map<string, MatrixResponse | 'loading'>(expandedList.map((name, i) => [name, detailQueries[i]?.data ?? 'loading']));
  const detailKey = detailQueries.map((q) => q.dataUpdatedAt).join(',');
  const model = useMemo(
    () => (data ? buildMatrix(data, details, collapsed, expanded, deferredSearch) : null),
    // details is rebuilt each render; detailKey says when its content changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, detailKey, collapsed, expanded, deferredSearch],
  );

  const [cellTarget, setCellTarget] = useState<{ securable: SecurableRow; principal: PrincipalRef } | null>(null);
  const [principal, setPrincipal] = useState<PrincipalRef | null>(null);
  const [change, setChange] = useState<ProposedChange | null>(null);
  const detail = parseDetail(state.detail);
  const toggle = (row: MatrixRow) => {
    const name = row.securable.fullName.toLowerCase();
    const flip = (set: ReadonlySet<string>) => {
      const next = new Set(set);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    };
    if (data?.view === 'summary' && row.securable.type === 'SCHEMA') setExpanded(flip);
    else setCollapsed(flip);
  };
  const ids = { catalog: useId(), schema: useId(), type: useId(), privilege: useId(), search: useId() };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.catalog} className="text-xs text-muted">
            Catalog
          </label>
          <select
            id={ids.catalog}
            className={control}
            value={state.catalog ?? ''}
            onChange={(e) => setState({ catalog: e.target.value || undefined, schema: undefined })}
          >
            <option value="">Whole metastore</option>
            {[...new Set([...catalogs, ...(state.catalog ? [state.catalog] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        {state.catalog ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={ids.schema} className="text-xs text-muted">
              Schema
            </label>
            <select
              id={ids.schema}
              className={control}
              value={state.schema ?? ''}
              onChange={(e) => setState({ schema: e.target.value || undefined })}
            >
              <option value="">Every schema</option>
              {[...new Set([...schemas, ...(state.schema ? [state.schema] : [])])].map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <TextFilter
          label="Principal"
          className="w-48"
          placeholder="Name, with its groups"
          value={state.principal ?? ''}
          suggestions={model?.principals.map((p) => p.name) ?? []}
          onChange={(v) => setState({ principal: v || undefined })}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.type} className="text-xs text-muted">
            Principal type
          </label>
          <select
            id={ids.type}
            className={`${control} w-36`}
            value={state.principalType ?? ''}
            onChange={(e) => setState({ principalType: (e.target.value || undefined) as GrantsPageState['principalType'] })}
          >
            <option value="">Any</option>
            {(['group', 'service_principal', 'user'] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.privilege} className="text-xs text-muted">
            Privilege
          </label>
          <select
            id={ids.privilege}
            className={`${control} w-40`}
            value={state.privilege ?? ''}
            onChange={(e) => setState({ privilege: (e.target.value || undefined) as GrantsPageState['privilege'] })}
          >
            <option value="">Any</option>
            {PRIVILEGES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.search} className="text-xs text-muted">
            Search securables
          </label>
          <input
            id={ids.search}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="e.g. customers"
            className={`${control} w-40`}
          />
        </div>
        <div className="ml-auto flex items-center gap-2">
          {model ? (
            <p aria-live="polite" className="text-xs text-muted tabular-nums">
              {plural(model.rows.length, 'securable')} × {plural(model.principals.length, 'principal')}
              {isFetching ? ' · updating…' : ''}
            </p>
          ) : null}
          <Button
            size="sm"
            icon={<DownloadIcon />}
            disabled={!model || model.rows.length === 0}
            onClick={() => model && downloadCsv(state.catalog ? `grants-${state.catalog}.csv` : 'grants-metastore.csv', matrixCsv(model))}
          >
            Export CSV
          </Button>
        </div>
      </div>
      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
        <span>
          <span className="rounded bg-accent-soft px-1 font-medium text-accent">SELECT</span> granted here
        </span>
        <span>
          <span className="rounded border border-dashed border-border-strong px-1 font-medium">↳ SELECT</span> inherited from the catalog or
          schema
        </span>
        <span>
          <span className="rounded bg-warning-soft px-1 font-medium text-warning">OWNER</span> holds every privilege
        </span>
        {data?.view === 'summary' ? (
          <span>
            <span className="rounded bg-surface-2 px-1 font-medium">SELECT ×3</span> granted on objects inside (expand the schema)
          </span>
        ) : null}
      </p>
      {error && !data ? (
        <InlineStatus tone="danger">
          The grants could not be read: {error.message}{' '}
          <Button size="sm" onClick={() => void refetch()}>
            Try again
          </Button>
        </InlineStatus>
      ) : null}
      {data?.truncated ? (
        <InlineStatus tone="warning">This view has more grants than Brickwatch reads at once; narrow it with the filters.</InlineStatus>
      ) : null}
      {!data && !error ? <SkeletonTable rows={12} columns={6} /> : null}
      {model && model.rows.length === 0 ? (
        <EmptyState title={deferredSearch ? 'No securable matches the search' : 'No grants match these filters'} />
      ) : null}
      {model && model.rows.length > 0 ? (
        <MatrixGrid
          model={model}
          caption={state.catalog ? `Grants in ${state.catalog}${state.schema ? `.${state.schema}` : ''}` : 'Grants across the metastore'}
          canAct={canAct}
          onToggle={toggle}
          onSecurable={(s) => setState({ detail: `${s.type}:${s.fullName}` })}
          onPrincipal={setPrincipal}
          onCell={(securable, p) => setCellTarget({ securable, principal: p })}
        />
      ) : null}
      <SecurableDialog
        securable={detail}
        canAct={canAct}
        labelOf={(name) => {
          const p = model?.principals.find((x) => x.name.toLowerCase() === name.toLowerCase());
          return p && p.kind === 'service_principal' && p.displayName ? p.displayName : null;
        }}
        onClose={() => setState({ detail: undefined })}
        onWhoCanRead={(readable) => setState({ tab: 'access', readable, detail: undefined })}
        onChange={(c) => {
          setState({ detail: undefined });
          setChange(c);
        }}
      />
      <CellDialog
        target={cellTarget}
        cell={cellTarget && model ? model.cell(cellTarget.securable.fullName, cellTarget.principal.name) : undefined}
        canAct={canAct}
        onClose={() => setCellTarget(null)}
        onChange={(c) => {
          setCellTarget(null);
          setChange(c);
        }}
      />
      <PrincipalDialog
        principal={principal}
        onClose={() => setPrincipal(null)}
        onFilter={(name) => {
          setPrincipal(null);
          setState({ principal: name });
        }}
        onWhatCanRead={(reader) => {
          setPrincipal(null);
          setState({ tab: 'access', reader });
        }}
      />
      <ApplyDialog change={change} onClose={() => setChange(null)} />
    </div>
  );
}

const DETAIL_TYPES = ['CATALOG', 'SCHEMA', 'TABLE', 'VIEW', 'VOLUME', 'FUNCTION'] as const;
function parseDetail(detail: string | undefined): Pick<SecurableRow, 'type' | 'fullName'> | null {
  if (!detail) return null;
  const i = detail.indexOf(':');
  const type = detail.slice(0, i) as SecurableRow['type'];
  return i > 0 && DETAIL_TYPES.includes(type) ? { type, fullName: detail.slice(i + 1) } : null;
}
