'use client';
// One action-log entry in full: what was done to what, the change or the failure reason, every other recorded detail,
// who acted as whom, both request ids, and where the entry sits in the hash chain. Its number lives in the URL
// (?entry=123), so the Audit page can link here and a reload reopens it.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { Dialog } from '@/components/ui/dialog';
import { SkeletonText } from '@/components/ui/skeleton';
import { Words } from '@/components/ui/words';
import type { ActivityEntryResponse } from '@/lib/activity/contract';
import { activityQueries } from '@/lib/activity/queries';
import { actionLabel, describeChange, describeTarget, failureReason, otherDetail } from '@/lib/activity/rules/describe';
import { OUTCOME_TONE, roleLabel } from './activity-table';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-b border-border py-1.5 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children ?? '—'}</dd>
    </div>
  );
}

const mono = (text: string | null | undefined) => (text ? <code className="font-mono text-xs">{text}</code> : null);

function chainWords({ entry, chain }: ActivityEntryResponse): { tone: 'success' | 'danger'; text: string } {
  if (!chain.ok && chain.brokenAt !== undefined && chain.brokenAt <= entry.seq)
    return {
      tone: 'danger',
      text: `Not trusted: the chain breaks at entry #${chain.brokenAt} (${chain.reason ?? 'changed'}), at or before this one.`,
    };
  return { tone: 'success', text: `Entry ${entry.seq} of ${chain.rows}; it and every entry before it verify.` };
}

function Detail({ data }: { data: ActivityEntryResponse }) {
  const { entry } = data;
  const target = describeTarget(entry.target, entry.detail);
  const reason = entry.outcome === 'success' ? null : failureReason(entry.detail);
  const change = describeChange(entry.action, entry.detail);
  const chain = chainWords(data);
  return (
    <div className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
      <dl>
        <Row label="When">{entry.at.replace('T', ' ').slice(0, 19)} UTC</Row>
        <Row label="Outcome">
          <Badge tone={OUTCOME_TONE[entry.outcome]}>{entry.outcome}</Badge>
        </Row>
        {reason ? (
          <Row label="Why it failed">
            <Words text={reason} />
          </Row>
        ) : null}
        {change ? (
          <Row label="Change">
            <Words text={change} />
          </Row>
        ) : null}
        <Row label="Target">
          {target.name ? (
            <span className="block">
              <Words text={target.name} />
            </span>
          ) : null}
          {mono(target.full)}
        </Row>
        <Row label="Who">
          {data.names?.actor ? <span className="block">{data.names.actor}</span> : null}
          <span className="whitespace-nowrap">{entry.actor}</span> <span className="text-muted">({roleLabel(entry.role)})</span>
        </Row>
        <Row label="Brickwatch acted as">
          {entry.actingAs ? (
            <>
              {data.names?.actingAs && data.names.actingAs !== data.names.actor ? (
                <span className="block">{data.names.actingAs}</span>
              ) : null}
              <span className="font-mono text-xs whitespace-nowrap">{entry.actingAs}</span>
            </>
          ) : null}
        </Row>
        <Row label="Databricks request id">{mono(entry.upstreamRequestId)}</Row>
        <Row label="Brickwatch request id">{mono(entry.requestId)}</Row>
      </dl>
      {otherDetail(entry.detail).length ? (
        <section aria-label="Recorded detail">
          <h3 className="mb-1 text-sm font-semibold">Recorded detail</h3>
          <dl>
            {otherDetail(entry.detail).map(([k, v]) => (
              <Row key={k} label={k}>
                <span className="font-mono text-xs">{v}</span>
              </Row>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-label="Place in the chain">
        <h3 className="mb-1 text-sm font-semibold">Place in the chain</h3>
        <p className={`mb-1 text-sm ${chain.tone === 'danger' ? 'text-danger' : ''}`}>{chain.text}</p>
        <dl>
          <Row label="Follows entry">{entry.seq > 1 ? `#${entry.seq - 1}, whose hash is` : 'none (the first entry)'}</Row>
          <Row label="Previous hash">{mono(entry.prevHash)}</Row>
          <Row label="This entry’s hash">{mono(entry.hash)}</Row>
        </dl>
      </section>
    </div>
  );
}

export function EntryDrawer({ seq, onClose }: { seq: number | undefined; onClose: () => void }) {
  const query = useQuery({ ...activityQueries.entry(seq ?? 0), enabled: seq !== undefined });
  const entry = query.data?.entry;
  return (
    <Dialog
      open={seq !== undefined}
      onClose={onClose}
      size="lg"
      title={entry ? actionLabel(entry.action) : `Entry #${seq ?? ''}`}
      description={entry ? `Entry #${entry.seq} · ${entry.action}` : undefined}
    >
      {query.isPending ? (
        <SkeletonText lines={8} />
      ) : query.isError ? (
        <DegradedNotice what={`entry #${seq}`} reason={query.error.message} />
      ) : query.data ? (
        <Detail data={query.data} />
      ) : null}
    </Dialog>
  );
}
