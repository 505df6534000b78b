'use client';
// The four feed panels: permission changes, token lifecycle, secret activity and configuration changes. Each
// reads its own API and stands alone: one failing shows its own "Not collected" notice, the others still load.
import { useSuspenseQuery } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { StatCard } from '@/components/ui/stat-card';
import { auditQueries } from '@/lib/audit/queries';
import { isQueryFailure } from '@/lib/query/fetch';
import { DirectoryNotice, FeedList, NoEvents } from './feed-list';
import { PanelFailure } from './panel-boundary';
import { formatShortUtc } from './format';
import type { PanelProps } from './panel-types';

const READERS_SHOWN = 8;

export function PermissionsPanel({ view, filtered, onOpen }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('permissions', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  const admin = data.events.filter((e) => e.adminChange).length;
  return (
    <Card
      title="Permission changes"
      description="Grants and revokes in Unity Catalog and legacy table ACLs, job, cluster, policy and warehouse ACLs, admin and group membership."
    >
      {admin > 0 ? (
        <p className="mb-2 text-sm font-medium text-danger">
          {admin} change{admin === 1 ? '' : 's'} to admin rights
        </p>
      ) : null}
      <FeedList
        events={data.events}
        truncated={data.truncated}
        label="Permission changes"
        onOpen={onOpen}
        empty={<NoEvents what="permission changes" filtered={filtered} />}
      />
      <DirectoryNotice notice={data.directoryNotice} />
    </Card>
  );
}

export function TokensPanel({ view, filtered, onOpen }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('tokens', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  const count = (action: string) => data.actions.find((a) => a.action === action)?.events ?? 0;
  return (
    <Card title="Token lifecycle" description="Personal access tokens created (with their lifetime), revoked, and refused at the quota.">
      <div className="mb-3 grid grid-cols-2 gap-2 2xl:grid-cols-4">
        <StatCard label="Created" value={data.created.total.toLocaleString('en-US')} />
        <StatCard
          label="Never expire"
          value={data.created.noExpiry.toLocaleString('en-US')}
          tone={data.created.noExpiry ? 'danger' : 'success'}
          hint="created without a lifetime"
        />
        <StatCard
          label={`Over ${data.created.longLivedDays} days`}
          value={data.created.longLived.toLocaleString('en-US')}
          tone={data.created.longLived ? 'warning' : 'success'}
          hint="lifetime at creation"
        />
        <StatCard
          label="Revoked"
          value={count('revokeDbToken').toLocaleString('en-US')}
          hint={`${count('reachMaxQuotaDbToken')} refused at the quota`}
        />
      </div>
      <FeedList
        events={data.events}
        truncated={data.truncated}
        label="Token events"
        onOpen={onOpen}
        empty={<NoEvents what="token events" filtered={filtered} />}
      />
      <DirectoryNotice notice={data.directoryNotice} />
    </Card>
  );
}

export function SecretsPanel({ view, filtered, onOpen }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('secrets', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  const reads = data.actions.find((a) => a.action === 'getSecret');
  return (
    <Card
      title="Secret activity"
      description="Who reads which scope, and every write, delete and ACL change. Secret values are never in the audit log."
    >
      <p className="mb-2 text-sm">
        <span className="font-semibold tabular-nums">{(reads?.events ?? 0).toLocaleString('en-US')}</span> secret reads
        {reads?.failed ? <span className="text-danger">, {reads.failed.toLocaleString('en-US')} denied</span> : null}
      </p>
      {data.readers.length > 0 ? (
        <table className="mb-3 w-full text-sm">
          <caption className="pb-1 text-left text-xs font-semibold text-muted">Top readers</caption>
          <thead>
            <tr className="text-xs text-muted">
              <th scope="col" className="border-b border-border py-1 pr-2 text-left font-medium">
                Reader
              </th>
              <th scope="col" className="border-b border-border py-1 pr-2 text-left font-medium">
                Scope
              </th>
              <th scope="col" className="w-14 border-b border-border py-1 text-right font-medium">
                Reads
              </th>
              <th scope="col" className="w-16 border-b border-border py-1 text-right font-medium">
                Denied
              </th>
              <th scope="col" className="w-12 border-b border-border py-1 text-right font-medium">
                Keys
              </th>
            </tr>
          </thead>
          <tbody>
            {data.readers.slice(0, READERS_SHOWN).map((r) => (
              <tr
                key={`${r.actor}|${r.scope}`}
                title={`Last read ${formatShortUtc(r.lastRead)} UTC`}
                className="border-b border-border last:border-0"
              >
                {/* People and service principals by name (wrapping between words); the recorded id on hover. */}
                <th scope="row" title={r.actor} className="py-1 pr-2 text-left font-normal">
                  {r.actorRef?.displayName ?? r.actor}
                  {r.actorRef?.displayName ? <span className="sr-only"> ({r.actor})</span> : null}
                </th>
                <td className="py-1 pr-2 whitespace-nowrap">{r.scope ?? '—'}</td>
                <td className="py-1 text-right tabular-nums">{r.reads.toLocaleString('en-US')}</td>
                <td className={cn('py-1 text-right tabular-nums', r.denied ? 'text-danger' : 'text-muted')}>{r.denied}</td>
                <td className="py-1 text-right tabular-nums">{r.keys}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h3 className="mb-1 text-xs font-semibold text-muted">Writes and ACL changes</h3>
      <FeedList
        events={data.events}
        truncated={data.truncated}
        label="Secret changes"
        onOpen={onOpen}
        empty={<NoEvents what="secret writes or ACL changes" filtered={filtered} />}
      />
      <DirectoryNotice notice={data.directoryNotice} />
    </Card>
  );
}

export function ConfigPanel({ view, filtered, onOpen }: PanelProps) {
  const { data, refetch } = useSuspenseQuery(auditQueries.panel('config', view));
  if (isQueryFailure(data)) return <PanelFailure failure={data} retry={refetch} />;
  return (
    <Card
      title="Configuration changes"
      description="Workspace settings (workspace-conf), IP access lists, typed settings and global init scripts."
    >
      <FeedList
        events={data.events}
        truncated={data.truncated}
        label="Configuration changes"
        onOpen={onOpen}
        empty={<NoEvents what="configuration changes" filtered={filtered} />}
      />
      <DirectoryNotice notice={data.directoryNotice} />
    </Card>
  );
}
