'use client';
// The scope list: the server has filtered (the URL says how) and ordered it worst first. Each row says what the scope
// holds, who may use it and what is wrong, in short labels; the scope's own page gives every reason in full.
import { createColumnHelper, type ColumnDef } from '@/components/ui/table-model';
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { RiskBadge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { ScopeSummary } from '@/lib/secrets/contract';
import { FINDING_LABELS } from '@/lib/secrets/rules/findings';
import { ago, plural, principalLabel } from './format';

const col = createColumnHelper<ScopeSummary>();

function TwoLines({ main, detail }: { main: ReactNode; detail: ReactNode }) {
  return (
    <span className="block min-w-0 leading-tight">
      <span className="block">{main}</span>
      <span className="block text-xs text-muted">{detail}</span>
    </span>
  );
}

const vaultName = (dns: string) => /^https:\/\/([^.]+)\./.exec(dns)?.[1] ?? dns;

function keysCell(s: ScopeSummary, now: number) {
  if (s.keyCount === null)
    return (
      <TwoLines main={<span className="text-muted">Hidden</span>} detail={s.access.keys.state === 'denied' ? 'needs READ' : 'not read'} />
    );
  if (s.keyCount === 0) return <TwoLines main="No secrets" detail="empty" />;
  return (
    <TwoLines
      main={plural(s.keyCount, 'secret')}
      detail={
        s.newestUpdate === null ? (
          'no update times'
        ) : s.keyCount === 1 || s.newestUpdate === s.oldestUpdate ? (
          `written ${ago(s.newestUpdate, now)}`
        ) : (
          <>
            <span className="block whitespace-nowrap">newest {ago(s.newestUpdate, now)}</span>
            <span className="block whitespace-nowrap">oldest {ago(s.oldestUpdate!, now)}</span>
          </>
        )
      }
    />
  );
}

function accessCell(s: ScopeSummary) {
  if (s.acls === null)
    return (
      <TwoLines main={<span className="text-muted">Hidden</span>} detail={s.access.acls.state === 'denied' ? 'needs MANAGE' : 'not read'} />
    );
  const managers = s.acls.filter((a) => a.permission === 'MANAGE');
  const writers = s.acls.filter((a) => a.permission === 'WRITE').length;
  const readers = s.acls.filter((a) => a.permission === 'READ').length;
  const rest = [writers ? `${writers} can write` : null, readers ? `${readers} can read` : null].filter(Boolean).join(', ');
  return (
    <TwoLines
      main={
        managers.length
          ? `Managed by ${managers.map((a) => principalLabel({ name: a.principal, displayName: a.displayName, kind: a.kind })).join(', ')}`
          : 'No manager but admins'
      }
      detail={rest || 'nobody else'}
    />
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
function columns(now: number): ColumnDef<ScopeSummary, any>[] {
  return [
    col.accessor('name', {
      header: 'Scope',
      cell: (c) => (
        <TwoLines
          main={
            <Link
              href={`/secrets/${encodeURIComponent(c.getValue())}`}
              className="font-mono font-medium whitespace-nowrap text-accent hover:underline"
            >
              {c.getValue()}
            </Link>
          }
          detail={
            c.row.original.backend === 'AZURE_KEYVAULT' ? (
              <>
                Azure Key Vault <span className="font-mono whitespace-nowrap">{vaultName(c.row.original.keyVault?.dnsName ?? '')}</span>
              </>
            ) : (
              'Databricks'
            )
          }
        />
      ),
      meta: {
        csv: (s) => (s.backend === 'AZURE_KEYVAULT' ? `${s.name} (Azure Key Vault ${s.keyVault?.dnsName ?? ''})` : s.name),
        className: 'align-top',
      },
    }),
    col.accessor('keyCount', {
      header: 'Secrets',
      cell: (c) => keysCell(c.row.original, now),
      meta: { csv: (s) => s.keyCount ?? 'hidden', className: 'align-top' },
    }),
    col.display({
      id: 'access',
      header: 'Access',
      cell: (c) => accessCell(c.row.original),
      meta: {
        label: 'Access',
        csv: (s) => (s.acls ? s.acls.map((a) => `${a.principal}:${a.permission}`).join(' ') : 'hidden'),
        className: 'align-top min-w-52',
      },
    }),
    col.accessor((s) => s.level ?? '', {
      id: 'risk',
      header: 'Risk',
      cell: (c) => (c.row.original.level ? <RiskBadge level={c.row.original.level} /> : <span className="text-muted">None</span>),
      meta: { label: 'Risk', className: 'align-top whitespace-nowrap' },
    }),
    col.display({
      id: 'findings',
      header: 'Findings',
      cell: (c) => {
        const s = c.row.original;
        if (!s.findings.length)
          return <span className="text-muted">{s.keyCount === null || s.acls === null ? 'None in what is visible' : 'None'}</span>;
        return <span className="text-sm">{s.findings.map((f) => FINDING_LABELS[f.code]).join(', ')}</span>;
      },
      meta: { label: 'Findings', csv: (s) => s.findings.map((f) => f.text).join(' | '), className: 'align-top min-w-48' },
    }),
  ].map((c) => ({ ...c, enableSorting: false })); // worst first, as the server ordered it (a header click must not hide that)
}

export function ScopeTable({
  scopes,
  now,
  toolbar,
  empty,
}: {
  scopes: ScopeSummary[];
  now: number;
  toolbar?: ReactNode;
  empty?: ReactNode;
}) {
  const cols = useMemo(() => columns(now), [now]);
  return (
    <DataTable
      data={scopes}
      columns={cols}
      getRowId={(s) => s.name}
      caption="Secret scopes"
      csvFileName="secret-scopes.csv"
      search={false}
      toolbar={toolbar}
      empty={empty}
      virtualizeAbove={400}
      rowHeight={58}
    />
  );
}
