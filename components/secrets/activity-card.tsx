'use client';
// A scope's last 30 days from the audit log: reads, writes, access changes and who made them. Brickwatch's own listing
// calls are left out (they are how this page is drawn, not use of the scope).
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import type { ScopeActivity } from '@/lib/secrets/contract';
import { ago, isoDay, isoTime, plural } from './format';
import { PrincipalChip } from './principal-chip';

const ACTION_TEXT: Record<ScopeActivity['changes'][number]['action'], string> = {
  createScope: 'created the scope',
  putSecret: 'wrote',
  deleteSecret: 'deleted',
  putAcl: 'gave',
  deleteAcl: 'removed the access of',
};

function change(c: ScopeActivity['changes'][number]): string {
  if (c.action === 'putSecret' || c.action === 'deleteSecret') return `${ACTION_TEXT[c.action]} ${c.key ?? 'a secret'}`;
  if (c.action === 'putAcl') return `gave ${c.principal ?? 'someone'} ${c.permission ?? 'access'}`;
  if (c.action === 'deleteAcl') return `removed the access of ${c.principal ?? 'someone'}`;
  return ACTION_TEXT[c.action];
}

export function ActivityCard({ activity }: { activity: ScopeActivity }) {
  const t = activity.totals;
  return (
    <Card
      title={`Activity, last ${activity.days} days`}
      description="From the audit log (it lags by minutes). Brickwatch’s own listing calls are not counted."
    >
      {!activity.collected ? (
        <DegradedNotice what="activity" reason={`the audit log could not be read (${activity.reason ?? 'no reason given'})`} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm">
            {plural(t.reads, 'read')}
            {t.deniedReads ? ` (and ${plural(t.deniedReads, 'refused read')})` : ''}, {plural(t.writes, 'write')},{' '}
            {plural(t.aclChanges, 'access change')}, {plural(t.lists, 'listing')} by others.
          </p>
          {activity.actors.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Who used the scope in the last {activity.days} days</caption>
                <thead>
                  <tr className="text-left text-xs text-muted">
                    <th scope="col" className="pb-2 font-semibold">
                      Who
                    </th>
                    <th scope="col" className="pb-2 text-right font-semibold">
                      Reads
                    </th>
                    <th scope="col" className="pb-2 text-right font-semibold">
                      Writes
                    </th>
                    <th scope="col" className="pb-2 text-right font-semibold">
                      Access changes
                    </th>
                    <th scope="col" className="pb-2 text-right font-semibold">
                      Listings
                    </th>
                    <th scope="col" className="pb-2 pl-3 font-semibold">
                      Last
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {activity.actors.map((a) => (
                    <tr key={a.actor.name} className="border-t border-border align-top">
                      <td className="py-1.5 pr-3">
                        <PrincipalChip principal={a.actor} />
                      </td>
                      <td className="py-1.5 text-right tabular-nums">
                        {a.reads.toLocaleString('en')}
                        {a.reads ? <span className="block text-xs text-muted">{plural(a.keysRead, 'key')}</span> : null}
                        {a.deniedReads ? <span className="block text-xs text-danger">{a.deniedReads} refused</span> : null}
                      </td>
                      <td className="py-1.5 text-right tabular-nums">{a.writes}</td>
                      <td className="py-1.5 text-right tabular-nums">{a.aclChanges}</td>
                      <td className="py-1.5 text-right tabular-nums">{a.lists}</td>
                      <td className="py-1.5 pl-3 whitespace-nowrap text-muted">{ago(a.last, activity.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-muted">Nobody used this scope in the last {activity.days} days.</p>
          )}
          {activity.changes.length ? (
            <div className="space-y-1.5">
              <h3 className="text-xs font-semibold text-muted">Latest changes</h3>
              <ul className="space-y-1 text-sm">
                {activity.changes.map((c, i) => (
                  <li key={i} className="flex flex-wrap gap-x-2">
                    <span className="whitespace-nowrap text-muted tabular-nums">
                      {isoDay(c.time)} {isoTime(c.time).slice(0, 5)}
                    </span>
                    <span className="min-w-0">
                      <span className="font-medium">{c.actor.displayName ?? c.actor.name}</span> {change(c)}
                      {c.failed ? <span className="text-danger"> (refused)</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {activity.truncated ? <p className="text-xs text-muted">Only the most active people and latest changes are listed.</p> : null}
        </div>
      )}
    </Card>
  );
}
