'use client';
// One audit event in full: who, from where, with which parameters, and what Databricks answered. Opened from any
// feed or the explorer; its reference lives in the URL (?event=…), so a reload or a shared link reopens it.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { activityEntryHref } from '@/lib/activity/links';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { Dialog } from '@/components/ui/dialog';
import { SkeletonText } from '@/components/ui/skeleton';
import type { EventDetail } from '@/lib/audit/contract';
import { AUDIT_CATEGORY_LABELS } from '@/lib/audit/rules/categories';
import type { AuditPageState } from '@/lib/audit/contract';
import { auditQueries } from '@/lib/audit/queries';
import { ApiClientError, failureError, isQueryFailure } from '@/lib/query/fetch';
import { ActorName } from './actor';
import { formatUtc, isFailure, outcomeLabel } from './format';

/** request_params values are strings; nested values arrive JSON-encoded, shown pretty-printed. */
function paramValue(v: string): ReactNode {
  const t = v.trim();
  if (t === '') return <span className="text-xs text-muted">(empty)</span>;
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return <pre className="font-mono text-xs whitespace-pre-wrap break-all">{JSON.stringify(JSON.parse(t), null, 2)}</pre>;
    } catch {
      // not JSON after all
    }
  }
  return <span className="font-mono text-xs break-all">{v}</span>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 border-b border-border py-1.5 text-sm last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? '—'}</dd>
    </div>
  );
}

function Detail({ event, onNarrow }: { event: EventDetail; onNarrow: (patch: Partial<AuditPageState>) => void }) {
  const status = event.response?.status_code ?? null;
  const actor = event.user_identity?.email ?? event.request_params.user ?? null;
  const ip = event.source_ip_address?.match(/^(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/)?.[1] ?? null;
  const params = Object.entries(event.request_params).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="max-h-[70vh] space-y-4 overflow-y-auto pr-1">
      <dl>
        <Row label="Time">{formatUtc(event.event_time)}</Row>
        <Row label="Category">{AUDIT_CATEGORY_LABELS[event.category]}</Row>
        <Row label="Outcome">{isFailure(status) ? <Badge tone="danger">{outcomeLabel(status)}</Badge> : outcomeLabel(status)}</Row>
        {event.response?.error_message ? <Row label="Error">{event.response.error_message}</Row> : null}
        <Row label="Actor">
          {actor ? (
            <>
              <ActorName actor={actor} actorRef={event.actorRef} />
              {event.actorRef?.kind === 'service_principal' ? (
                <span className="block text-xs text-muted">
                  Service principal, application id <code className="font-mono whitespace-nowrap">{actor}</code>
                </span>
              ) : null}
            </>
          ) : null}
        </Row>
        {event.via ? (
          <Row label="Made through Brickwatch">
            <span className="block">
              by{' '}
              <Link href={activityEntryHref(event.via.seq)} className="font-medium text-accent hover:underline">
                {event.via.personName ?? event.via.person}
              </Link>{' '}
              <span className="whitespace-nowrap text-muted">({event.via.person})</span>, Activity entry #{event.via.seq}
            </span>
            <span className="block text-xs text-muted">
              Matched on {event.via.basis}. Databricks does not record Brickwatch’s request id in the audit log, so the match rests on what
              both logs record.
            </span>
          </Row>
        ) : null}
        {event.identity_metadata?.run_as || event.identity_metadata?.run_by ? (
          <Row label="Run by / as">
            {event.identity_metadata.run_by ?? '—'} / {event.identity_metadata.run_as ?? '—'}
          </Row>
        ) : null}
        <Row label="Source IP">{event.source_ip_address}</Row>
        <Row label="User agent">{event.user_agent}</Row>
        <Row label="Session">{event.session_id}</Row>
        <Row label="Request id">{event.request_id ? <code className="font-mono text-xs">{event.request_id}</code> : null}</Row>
        <Row label="Event id">
          <code className="font-mono text-xs">{event.event_id}</code>
        </Row>
        <Row label="Workspace">
          {event.workspace_id} · {event.audit_level}
        </Row>
      </dl>
      <section aria-label="Request parameters">
        <h3 className="mb-1 text-sm font-semibold">Request parameters</h3>
        {params.length ? (
          <dl>
            {params.map(([k, v]) => (
              <Row key={k} label={k}>
                {paramValue(v)}
              </Row>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-muted">None recorded.</p>
        )}
      </section>
      <section aria-label="Response">
        <h3 className="mb-1 text-sm font-semibold">Response</h3>
        <dl>
          <Row label="Status code">{status === null ? null : String(status)}</Row>
          <Row label="Result">{event.response?.result ? paramValue(event.response.result) : null}</Row>
        </dl>
      </section>
      <div className="flex flex-wrap gap-2">
        {actor ? (
          <Button size="sm" onClick={() => onNarrow({ actor, event: undefined })}>
            Only this actor
          </Button>
        ) : null}
        {ip ? (
          <Button size="sm" onClick={() => onNarrow({ ip, event: undefined })}>
            Only this IP
          </Button>
        ) : null}
        <Button size="sm" onClick={() => onNarrow({ service: event.service_name, action: event.action_name, event: undefined })}>
          Only {event.action_name}
        </Button>
      </div>
    </div>
  );
}

export function EventDrawer({
  eventKey,
  onClose,
  onNarrow,
}: {
  eventKey: string | undefined;
  onClose: () => void;
  onNarrow: (patch: Partial<AuditPageState>) => void;
}) {
  const query = useQuery({ ...auditQueries.event(eventKey ?? ''), enabled: Boolean(eventKey) });
  const failure = isQueryFailure(query.data) ? failureError(query.data) : query.error;
  const event = isQueryFailure(query.data) ? undefined : query.data?.event;
  return (
    <Dialog
      open={Boolean(eventKey)}
      onClose={onClose}
      size="lg"
      title={event ? `${event.service_name}.${event.action_name}` : 'Audit event'}
      description={event ? formatUtc(event.event_time) : undefined}
    >
      {query.isPending ? (
        <SkeletonText lines={8} />
      ) : failure ? (
        <DegradedNotice
          what="this event"
          reason={failure instanceof ApiClientError ? failure.message : 'The event could not be loaded.'}
          action={
            <Button size="sm" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      ) : event ? (
        <Detail event={event} onNarrow={onNarrow} />
      ) : null}
    </Dialog>
  );
}
