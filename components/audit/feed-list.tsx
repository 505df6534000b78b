'use client';
// The newest events of one feed as a list: when, who, what changed on which object. Each entry opens the event's
// full record in the detail drawer.
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { Words } from '@/components/ui/words';
import type { FeedEvent } from '@/lib/audit/contract';
import { ActorName, ViaBrickwatch } from './actor';
import { formatShortUtc, formatUtc, isFailure, outcomeLabel } from './format';

export function FeedList({
  events,
  truncated,
  label,
  empty,
  onOpen,
}: {
  events: FeedEvent[];
  truncated: boolean;
  label: string;
  empty: ReactNode;
  onOpen: (key: string) => void;
}) {
  if (events.length === 0) return <>{empty}</>;
  return (
    <div className="space-y-2">
      <ul aria-label={label} className="max-h-96 divide-y divide-border overflow-y-auto rounded-md border border-border">
        {events.map((e) => (
          <li key={e.key}>
            <button
              type="button"
              onClick={() => onOpen(e.key)}
              className="flex w-full flex-col gap-0.5 px-3 py-2 text-left text-sm hover:bg-surface-2 focus-visible:bg-accent-soft"
            >
              <span className="flex flex-wrap items-center gap-2">
                <time dateTime={e.time} title={formatUtc(e.time)} className="text-xs text-muted tabular-nums">
                  {formatShortUtc(e.time)}
                </time>
                <span className="font-medium">
                  <Words text={e.object} />
                </span>
                {e.adminChange ? <Badge tone="danger">admin rights</Badge> : null}
                {isFailure(e.status) ? <Badge tone="warning">{outcomeLabel(e.status)}</Badge> : null}
              </span>
              {/* A refused call changed nothing; it still matters (someone tried). */}
              <span className={cn('break-words', isFailure(e.status) && 'text-muted')}>
                {isFailure(e.status) ? 'Attempted: ' : ''}
                <Words text={e.change} />
              </span>
              {/* Each identifier stays whole (an IP or an e-mail never wraps inside itself); lines break between them. */}
              <span className="flex flex-wrap gap-x-1.5 text-xs text-muted">
                <ActorName actor={e.actor} actorRef={e.actorRef} />
                <span aria-hidden>·</span>
                <span className="whitespace-nowrap">
                  {e.service}.{e.action}
                </span>
                {e.sourceIp ? (
                  <>
                    <span aria-hidden>·</span>
                    <span className="whitespace-nowrap">from {e.sourceIp}</span>
                  </>
                ) : null}
              </span>
            </button>
            {/* Outside the button: a link of its own to the Activity entry. */}
            {e.via ? (
              <p className="-mt-1.5 px-3 pb-2 text-muted">
                <ViaBrickwatch via={e.via} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {truncated ? (
        <p className="text-xs text-muted">Showing the newest {events.length}. The event explorer below has every matching event.</p>
      ) : null}
    </div>
  );
}

export function NoEvents({ what, filtered }: { what: string; filtered: boolean }) {
  return (
    <EmptyState
      className="py-6"
      title={`No ${what} in this window`}
      description={
        filtered
          ? 'Nothing matches the current filters; clear them to see everything.'
          : 'The audit log holds no such event for this time range.'
      }
    />
  );
}

/** Names could not be read from the directory: actors are shown as recorded, and the panel says why. */
export function DirectoryNotice({ notice }: { notice: string | undefined }) {
  return notice ? <p className="mt-2 text-xs text-muted">{notice}</p> : null;
}
