'use client';
// Every matching event, newest first, one keyset page at a time ("Load more" continues after the last row shown;
// the warehouse never counts or skips rows). Rows open the detail drawer; the export takes the whole filter.
import { useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { WindowedTable, type WindowedColumn } from '@/components/ui/windowed-table';
import { DownloadIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { isQueryFailure } from '@/lib/query/fetch';
import type { ExplorerEvent } from '@/lib/audit/contract';
import { AUDIT_CATEGORY_LABELS } from '@/lib/audit/rules/categories';
import { EXPORT_CAP } from '@/lib/audit/rules/limits';
import { auditExportUrl, auditQueries } from '@/lib/audit/queries';
import { CATEGORY_STYLE } from './category-style';
import { formatCellUtc, formatUtc, isFailure, outcomeLabel } from './format';
import { ActorName, ViaBrickwatch } from './actor';
import { DirectoryNotice } from './feed-list';
import { PanelFailure } from './panel-boundary';
import type { PanelProps } from './panel-types';

// Every column fits from 1024 px (the category sits above the event, so six facts take five columns); identifiers
// (actions, e-mails, IPs) never wrap inside themselves.
const columns: WindowedColumn<ExplorerEvent>[] = [
  {
    id: 'time',
    header: 'Time (UTC)',
    cell: (e) => (
      <time dateTime={e.time} title={formatUtc(e.time)} className="whitespace-nowrap tabular-nums">
        {formatCellUtc(e.time)}
      </time>
    ),
    className: 'align-top',
  },
  {
    id: 'event',
    header: 'Event',
    cell: (e) => (
      <span className="block leading-tight">
        <span className="inline-flex items-center gap-1.5 text-xs whitespace-nowrap text-muted">
          <span aria-hidden className={cn('size-2 rounded-sm', CATEGORY_STYLE[e.category].swatch)} />
          {AUDIT_CATEGORY_LABELS[e.category]}
        </span>
        {/* Breaks only after the dot: long action names stay whole. */}
        <code className="mt-0.5 block font-mono text-xs">
          {e.service}.<wbr />
          {e.action}
        </code>
      </span>
    ),
    className: 'align-top',
  },
  {
    id: 'actor',
    header: 'Actor',
    cell: (e) => (
      <span className="block leading-tight">
        <ActorName actor={e.actor} actorRef={e.actorRef} />
        {e.actorRef?.kind === 'service_principal' ? <span className="mt-0.5 block text-xs text-muted">service principal</span> : null}
        {e.via ? (
          <span className="mt-0.5 block text-muted" onClick={(ev) => ev.stopPropagation()}>
            <ViaBrickwatch via={e.via} />
          </span>
        ) : null}
      </span>
    ),
    className: 'align-top',
  },
  {
    id: 'sourceIp',
    header: 'Source IP',
    cell: (e) => <span className="font-mono text-xs whitespace-nowrap">{e.sourceIp || '—'}</span>,
    className: 'align-top',
  },
  {
    id: 'status',
    header: 'Outcome',
    cell: (e) =>
      isFailure(e.status) ? (
        <Badge tone="danger">{outcomeLabel(e.status)}</Badge>
      ) : (
        <span className="text-xs whitespace-nowrap text-muted">{outcomeLabel(e.status)}</span>
      ),
    className: 'align-top',
  },
];

export function EventExplorer({ view, filtered, onOpen }: PanelProps) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isFetchNextPageError, error, refetch } = useSuspenseInfiniteQuery(
    auditQueries.events(view),
  );
  const first = data.pages[0];
  if (isQueryFailure(first)) return <PanelFailure failure={first} retry={refetch} />;
  const events = data.pages.flatMap((p) => (isQueryFailure(p) ? [] : p.events));
  return (
    <Card
      title="Event explorer"
      description="Matching events, newest first. Select a row to see its request parameters and response."
      actions={
        <a href={auditExportUrl(view)} download className={buttonClass('secondary', 'sm')}>
          <DownloadIcon /> Export CSV (up to {EXPORT_CAP.toLocaleString('en-US')} events)
        </a>
      }
    >
      <WindowedTable
        rows={events}
        columns={columns}
        getRowId={(e) => e.key}
        caption="Audit events, newest first"
        onRowClick={(e) => onOpen(e.key)}
        maxHeight="32rem"
        empty={
          <p className="py-6 text-center text-muted">
            {filtered ? 'No events match the current filters in this window.' : 'No audit events in this window.'}
          </p>
        }
      />
      <DirectoryNotice notice={first?.directoryNotice} />
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
        <span className="text-muted" aria-live="polite">
          {events.length.toLocaleString('en-US')} event{events.length === 1 ? '' : 's'} shown
          {hasNextPage ? '' : events.length ? ' — that is every match' : ''}
        </span>
        {hasNextPage ? (
          <Button size="sm" pending={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchNextPageError ? 'Try loading more again' : 'Load more'}
          </Button>
        ) : null}
        {isFetchNextPageError && error ? <InlineStatus tone="danger">More events could not be loaded: {error.message}</InlineStatus> : null}
      </div>
    </Card>
  );
}
