'use client';
// The two questions answered directly, groups expanded from SCIM: who can read this table (every person and service
// principal, and through which grant or group), and what can this person read.
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@/components/ui/table-model';
import { useId, useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { InlineStatus } from '@/components/ui/inline-status';
import { Skeleton } from '@/components/ui/skeleton';
import type { GrantsPageState, RouteView, WhatCanReadResponse, WhoCanReadResponse } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import { KIND_LABEL, TYPE_LABEL, plural, principalLabel } from './format';

/** "SELECT on schema analytics.gold, granted to analytics (through data-eng → analytics)". */
export function routeText(r: RouteView): string {
  const what = r.kind === 'owner' ? `owner of ${r.securable}` : `${r.privilege} on ${r.securable}`;
  if (r.groups.length === 0) return `${what}, ${r.kind === 'owner' ? 'itself' : 'granted directly'}`;
  return `${what}, as a member of ${r.groups.join(' → ')}`;
}

function Ask({ label, placeholder, initial, onAsk }: { label: string; placeholder: string; initial: string; onAsk: (v: string) => void }) {
  const id = useId();
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onAsk(text.trim());
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-2">
      <label htmlFor={id} className="flex flex-1 flex-col gap-1 text-xs text-muted">
        {label}
        <input
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          className="h-9 rounded-md border border-border-strong bg-surface px-2.5 font-mono text-sm leading-6 text-fg"
        />
      </label>
      <Button type="submit" variant="primary" disabled={!text.trim()}>
        Ask
      </Button>
    </form>
  );
}

type Reader = WhoCanReadResponse['principals'][number];
const readerColumns: ColumnDef<Reader, unknown>[] = [
  {
    id: 'principal',
    header: 'Who',
    accessorFn: (p) => principalLabel(p),
    cell: ({ row }) => (
      <span className="flex flex-col">
        <span className="font-medium">{principalLabel(row.original)}</span>
        {row.original.kind === 'service_principal' ? <span className="font-mono text-xs text-muted">{row.original.name}</span> : null}
      </span>
    ),
    meta: { className: 'whitespace-nowrap align-top' },
  },
  {
    id: 'kind',
    header: 'Kind',
    accessorFn: (p) => (p.status === 'active' ? KIND_LABEL[p.kind] : `${KIND_LABEL[p.kind]} (${p.status})`),
    meta: { filter: 'select', className: 'whitespace-nowrap align-top' },
  },
  {
    id: 'via',
    header: 'Can read because',
    accessorFn: (p) => p.via.map(routeText).join('; '),
    cell: ({ row }) => (
      <ul className="space-y-0.5 text-xs">
        {row.original.via.map((v, i) => (
          <li key={i}>{routeText(v)}</li>
        ))}
      </ul>
    ),
    meta: { className: 'align-top' },
  },
];

type Readable = WhatCanReadResponse['securables'][number];
const readableColumns: ColumnDef<Readable, unknown>[] = [
  {
    id: 'name',
    header: 'Securable',
    accessorFn: (s) => s.fullName,
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.fullName}</span>,
    meta: { className: 'whitespace-nowrap align-top' },
  },
  { id: 'type', header: 'Type', accessorFn: (s) => TYPE_LABEL[s.type], meta: { filter: 'select', className: 'align-top' } },
  {
    id: 'via',
    header: 'Because',
    accessorFn: (s) => s.via.map(routeText).join('; '),
    cell: ({ row }) => (
      <ul className="space-y-0.5 text-xs">
        {row.original.via.map((v, i) => (
          <li key={i}>{routeText(v)}</li>
        ))}
      </ul>
    ),
    meta: { className: 'align-top' },
  },
];

export function AccessPanel({ state, setState }: { state: GrantsPageState; setState: (patch: Partial<GrantsPageState>) => void }) {
  const who = useQuery({ ...grantQueries.whoCanRead(state.readable ?? ''), enabled: Boolean(state.readable) });
  const what = useQuery({ ...grantQueries.whatCanRead(state.reader ?? ''), enabled: Boolean(state.reader) });
  const people = who.data?.principals.filter((p) => p.kind === 'user').length ?? 0;
  const sps = who.data?.principals.filter((p) => p.kind === 'service_principal').length ?? 0;
  return (
    <div className="grid items-start gap-4 2xl:grid-cols-2">
      <Card
        title="Who can read this table?"
        description="Every person and service principal with effective SELECT (READ VOLUME for volumes): USE CATALOG, USE SCHEMA and the read privilege, from any grant, group or ownership."
      >
        <div className="space-y-3">
          <Ask
            key={state.readable ?? ''}
            label="Table, view or volume (catalog.schema.name)"
            placeholder="analytics.gold.customer_360"
            initial={state.readable ?? ''}
            onAsk={(readable) => setState({ readable })}
          />
          {who.isFetching && !who.data ? <Skeleton className="h-40" /> : null}
          {who.error ? <InlineStatus tone="danger">{who.error.message}</InlineStatus> : null}
          {who.data?.notices.map((n) => (
            <InlineStatus key={n.code} tone="warning">
              {n.message}
            </InlineStatus>
          ))}
          {who.data ? (
            <>
              <p className="text-sm">
                <Badge>{TYPE_LABEL[who.data.securable.type]}</Badge> <span className="font-mono">{who.data.securable.fullName}</span>
                {who.data.securable.owner ? <span className="text-muted"> · owner {who.data.securable.owner}</span> : null}
                {' — '}
                {plural(people, 'person', 'people')} and {plural(sps, 'service principal')} can read it.
              </p>
              <DataTable
                data={who.data.principals}
                columns={readerColumns}
                getRowId={(p) => p.name}
                caption={`Who can read ${who.data.securable.fullName}`}
                initialSorting={[{ id: 'principal', desc: false }]}
                csvFileName="who-can-read.csv"
                maxHeight="50vh"
                rowHeight={56}
                empty={
                  <p className="py-6 text-center text-sm text-muted">
                    Nobody can read it (its owner needs USE CATALOG and USE SCHEMA too).
                  </p>
                }
              />
            </>
          ) : null}
        </div>
      </Card>
      <Card
        title="What can this person read?"
        description="Tables, views and volumes a person or service principal can read, through its own grants, its groups (nested ones too) and what it owns."
      >
        <div className="space-y-3">
          <Ask
            key={state.reader ?? ''}
            label="User name or service principal application id"
            placeholder="priya.shah@example.com"
            initial={state.reader ?? ''}
            onAsk={(reader) => setState({ reader })}
          />
          {what.isFetching && !what.data ? <Skeleton className="h-40" /> : null}
          {what.error ? <InlineStatus tone="danger">{what.error.message}</InlineStatus> : null}
          {what.data?.notices.map((n) => (
            <InlineStatus key={n.code} tone="warning">
              {n.message}
            </InlineStatus>
          ))}
          {what.data?.truncated ? (
            <InlineStatus tone="warning">Only the first {plural(what.data.securables.length, 'object')} are listed.</InlineStatus>
          ) : null}
          {what.data ? (
            <>
              <p className="text-sm">
                <span className="font-medium">{principalLabel(what.data.principal)}</span>
                <span className="text-muted">
                  {' '}
                  ({KIND_LABEL[what.data.principal.kind]}, in {what.data.groups.join(', ') || 'no group'})
                </span>{' '}
                can read {plural(what.data.securables.length, 'object')}.
              </p>
              <DataTable
                data={what.data.securables}
                columns={readableColumns}
                getRowId={(s) => s.fullName}
                caption={`What ${what.data.principal.name} can read`}
                csvFileName="what-can-read.csv"
                maxHeight="50vh"
                rowHeight={56}
                empty={<p className="py-6 text-center text-sm text-muted">Nothing: no grant or ownership lets it read any table.</p>}
              />
            </>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
