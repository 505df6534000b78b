'use client';
// A scope's keys: when each was last written, how often it was read lately, and (for admins) replace or delete.
// Values are never here: Brickwatch never reads one.
import { createColumnHelper, type ColumnDef } from '@/components/ui/table-model';
import { useMemo } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineStatus } from '@/components/ui/inline-status';
import type { ScopeDetail } from '@/lib/secrets/contract';
import { Breakable } from './breakable';
import { ago, isoDay, plural } from './format';

type KeyRow = NonNullable<ScopeDetail['keys']>[number] & { stale: boolean; unread: boolean };
const col = createColumnHelper<KeyRow>();

function columns(now: number, canWrite: boolean, onReplace: (key: string) => void, onDelete: (key: string) => void, activityDays: number) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
  const cols: ColumnDef<KeyRow, any>[] = [
    col.accessor('key', {
      header: 'Key',
      cell: (c) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-mono whitespace-nowrap">{c.getValue()}</span>
          {c.row.original.stale ? <Badge tone="warning">a year old</Badge> : null}
          {c.row.original.unread ? <Badge>unread 90 days</Badge> : null}
        </span>
      ),
    }),
    col.accessor('lastUpdated', {
      header: 'Last written',
      cell: (c) => {
        const t = c.getValue();
        return t === null ? (
          <span className="text-muted">unknown</span>
        ) : (
          <span className="leading-tight">
            <span className="block tabular-nums">{isoDay(t)}</span>
            <span className="block text-xs text-muted">{ago(t, now)}</span>
          </span>
        );
      },
      meta: { csv: (r) => (r.lastUpdated === null ? '' : new Date(r.lastUpdated).toISOString()), className: 'whitespace-nowrap' },
    }),
    col.accessor('reads', {
      header: `Reads (${activityDays} d)`,
      cell: (c) => (c.getValue() === null ? <span className="text-muted">not collected</span> : c.getValue()!.toLocaleString('en')),
      meta: { align: 'right', className: 'whitespace-nowrap' },
    }),
    col.accessor('lastRead', {
      header: 'Last read',
      cell: (c) => {
        const t = c.getValue();
        return t === null ? (
          <span className="text-muted">{c.row.original.reads === null ? 'not collected' : 'not in 90 days'}</span>
        ) : (
          ago(t, now)
        );
      },
      meta: { csv: (r) => (r.lastRead === null ? '' : new Date(r.lastRead).toISOString()), className: 'whitespace-nowrap' },
    }),
  ];
  if (canWrite)
    cols.push(
      col.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (c) => (
          <span className="flex justify-end gap-1">
            <Button size="sm" onClick={() => onReplace(c.row.original.key)} aria-label={`Replace the value of ${c.row.original.key}`}>
              Replace…
            </Button>
            <Button
              size="sm"
              variant="ghost-danger"
              onClick={() => onDelete(c.row.original.key)}
              aria-label={`Delete ${c.row.original.key}`}
            >
              Delete
            </Button>
          </span>
        ),
        meta: { csv: false, stickyRight: true },
      }),
    );
  return cols.map((c) => ({ ...c, enableSorting: false }));
}

export function KeysCard({
  scope,
  canAct,
  onPut,
  onDelete,
}: {
  scope: ScopeDetail;
  canAct: boolean;
  onPut: (key: string | null) => void;
  onDelete: (key: string) => void;
}) {
  const keyVault = scope.backend === 'AZURE_KEYVAULT';
  const canWrite = canAct && !keyVault;
  const stale = new Set(scope.findings.find((f) => f.code === 'stale_secrets')?.keys ?? []);
  const unread = new Set(scope.findings.find((f) => f.code === 'unread_secrets')?.keys ?? []);
  const rows = useMemo(
    () => (scope.keys ?? []).map((k) => ({ ...k, stale: stale.has(k.key), unread: unread.has(k.key) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the sets are derived from scope
    [scope],
  );
  const cols = useMemo(
    () => columns(scope.generatedAt, canWrite, onPut, onDelete, scope.activity.days),
    [scope, canWrite, onPut, onDelete],
  );
  return (
    <Card
      title="Secrets"
      description={scope.keys ? `${plural(scope.keys.length, 'key')}. Values are never read or shown.` : undefined}
      actions={
        canWrite ? (
          <Button size="sm" variant="primary" onClick={() => onPut(null)}>
            Put a secret…
          </Button>
        ) : null
      }
    >
      <div className="space-y-3">
        {keyVault ? (
          <InlineStatus tone="info">
            This scope is backed by Azure Key Vault <Breakable text={scope.keyVault?.dnsName ?? ''} className="font-mono" />: Databricks
            only reads it, so secrets are added and removed in the vault itself.
          </InlineStatus>
        ) : null}
        {scope.keys === null ? (
          <DegradedNotice
            what="keys"
            reason={
              scope.access.keys.state === 'denied'
                ? `listing this scope’s keys needs READ on it (${scope.access.keys.reason})`
                : (scope.access.keys.reason ?? 'Databricks did not answer')
            }
          />
        ) : (
          <DataTable
            data={rows}
            columns={cols}
            getRowId={(r) => r.key}
            caption={`Secrets in ${scope.name}`}
            search={false}
            maxHeight="50vh"
            empty={
              <EmptyState
                title="No secrets in this scope"
                description={canWrite ? 'Put one, or delete the scope if nothing will use it.' : undefined}
              />
            }
          />
        )}
      </div>
    </Card>
  );
}
