'use client';
// /secrets/{scope}: one scope — what is wrong with it, its keys, who may use it, and its last 30 days — with every
// action an admin may take on it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { RefreshIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonTable } from '@/components/ui/skeleton';
import type { AclEntryView } from '@/lib/secrets/contract';
import { secretQueries } from '@/lib/secrets/queries';
import { AccessCard } from './access-card';
import type { AclDialogTarget } from './acl-dialog';
import { ActivityCard } from './activity-card';
import { Breakable } from './breakable';
import { FindingList } from './finding-list';
import { isoTime } from './format';
import { KeysCard } from './keys-card';
import type { PutTarget } from './put-secret-dialog';
import { afterHydration } from '@/components/ui/after-hydration';

const AclDialog = afterHydration(() => import('./acl-dialog').then((m) => m.AclDialog));
const PutSecretDialog = afterHydration(() => import('./put-secret-dialog').then((m) => m.PutSecretDialog));
const DeleteScopeDialog = afterHydration(() => import('./scope-dialogs').then((m) => m.DeleteScopeDialog));
const DeleteSecretDialog = afterHydration(() => import('./scope-dialogs').then((m) => m.DeleteSecretDialog));
const RemoveAclDialog = afterHydration(() => import('./scope-dialogs').then((m) => m.RemoveAclDialog));

export function ScopeDetailView({ name, canAct }: { name: string; canAct: boolean }) {
  const queryClient = useQueryClient();
  const { data, error, isFetching, refetch } = useQuery(secretQueries.scope(name));
  const [put, setPut] = useState<PutTarget | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [acl, setAcl] = useState<AclDialogTarget | null>(null);
  const [removing, setRemoving] = useState<AclEntryView | null>(null);
  const [deletingScope, setDeletingScope] = useState(false);
  const scopeName = data?.name ?? name;
  const onPut = useCallback(
    (key: string | null) =>
      setPut({ scope: scopeName, key: key ?? '', scopeEditable: false, keyEditable: key === null, scopes: null, replacing: key !== null }),
    [scopeName],
  );
  const partial = data?.notices.find((n) => n.code === 'partial_view');

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/secrets" className="text-accent hover:underline">
          ← Secrets
        </Link>
      </p>
      <PageHeader
        title={scopeName}
        description={
          data ? (
            data.backend === 'AZURE_KEYVAULT' ? (
              <>
                Backed by Azure Key Vault <Breakable text={data.keyVault?.dnsName ?? ''} className="font-mono" />
              </>
            ) : (
              'Kept in Databricks.'
            )
          ) : null
        }
        meta={
          data ? (
            <>
              {data.backend === 'AZURE_KEYVAULT' ? <Badge tone="info">Azure Key Vault</Badge> : <Badge>Databricks</Badge>}
              <span>read from Databricks at {isoTime(data.readAt)} UTC</span>
            </>
          ) : null
        }
        actions={
          <>
            <Button
              size="sm"
              variant="ghost"
              icon={<RefreshIcon />}
              pending={isFetching}
              onClick={() => void queryClient.invalidateQueries({ queryKey: secretQueries.scope(name).queryKey })}
            >
              Refresh
            </Button>
            {canAct && data ? (
              <Button size="sm" variant="danger" onClick={() => setDeletingScope(true)}>
                Delete scope…
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-5">
        {partial ? (
          <InlineStatus tone="warning">
            <strong>Not everything is visible.</strong> {partial.message}
          </InlineStatus>
        ) : null}
        {data?.notices
          .filter((n) => n !== partial)
          .map((n) => (
            <DegradedNotice key={n.code} reason={n.message} />
          ))}
        {error ? (
          <InlineStatus tone="danger">
            {error.message}{' '}
            {'status' in error && error.status === 404 ? (
              <Link href="/secrets" className="underline">
                Back to every scope
              </Link>
            ) : (
              <Button size="sm" onClick={() => void refetch()}>
                Try again
              </Button>
            )}
          </InlineStatus>
        ) : null}
        {data ? (
          <>
            <Card title="Findings">
              <FindingList findings={data.findings} partial={data.keys === null || data.acls === null} />
            </Card>
            <div className="grid items-start gap-5 2xl:grid-cols-2">
              <KeysCard scope={data} canAct={canAct} onPut={onPut} onDelete={setDeleting} />
              <AccessCard scope={data} canAct={canAct} onEdit={(entry) => setAcl({ scope: data.name, entry })} onRemove={setRemoving} />
            </div>
            <ActivityCard activity={data.activity} />
            {canAct ? (
              <>
                <PutSecretDialog target={put} onClose={() => setPut(null)} />
                <DeleteSecretDialog scope={data.name} secretKey={deleting} onClose={() => setDeleting(null)} />
                <AclDialog target={acl} onClose={() => setAcl(null)} />
                <RemoveAclDialog scope={data} entry={removing} onClose={() => setRemoving(null)} />
                <DeleteScopeDialog scope={data} open={deletingScope} onClose={() => setDeletingScope(false)} />
              </>
            ) : null}
          </>
        ) : !error ? (
          <SkeletonTable rows={6} columns={4} />
        ) : null}
      </div>
    </>
  );
}
