'use client';
import { ActivityPanelsGrid } from '@/components/audit/activity-grid';
import { AuditFilterBar } from '@/components/audit/audit-filter-bar';
import { EventExplorer } from '@/components/audit/event-explorer';
import { PanelBoundary, PanelSkeleton } from '@/components/audit/panel-boundary';
import type { PanelProps } from '@/components/audit/panel-types';
import { RangePicker } from '@/components/audit/range-picker';
import { TimelinePanel, TimelineSkeleton } from '@/components/audit/timeline-panel';
import { useAuditUrl } from '@/components/audit/use-audit-url';
import { PageHeader } from '@/components/ui/page-header';
import { useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { InlineStatus } from '@/components/ui/inline-status';
import { auditQueryToSearchParams, auditUrlIssues, FILTER_KEYS } from '@/lib/audit/contract';
import { afterHydration } from '@/components/ui/after-hydration';

// Not needed at first paint: loaded once the page is interactive (a linked event opens as soon as it arrives).
const EventDrawer = afterHydration(() => import('@/components/audit/event-drawer').then((m) => m.EventDrawer));

const SHOWN = { '24h': 'the last 24 hours', '7d': 'the last 7 days', '30d': 'the last 30 days', '90d': 'the last 90 days' } as const;

export function AuditClient() {
  const { state, view, update } = useAuditUrl();
  // What the URL held that could not be used: said beside its field (and above the page), never silently dropped.
  const raw = useSearchParams();
  const issues = useMemo(() => auditUrlIssues(new URLSearchParams(raw.toString())), [raw]);
  const issueKeys = Object.keys(issues).join(',');
  const filtered = FILTER_KEYS.some((k) => view[k] !== undefined);
  const panel: PanelProps = { view, filtered, onChange: update, onOpen: (event) => update({ event }) };
  // Each form remounts when its own part of the URL changes underneath it (Back, a zoom, a legend click), so it
  // shows the URL's state; a change to the other part leaves an edit in progress alone.
  const filtersKey = FILTER_KEYS.map((k) => view[k] ?? '').join('|');
  const rangeKey = [view.range, view.from?.toISOString(), view.to?.toISOString(), view.bucket].join('|');
  // New boundaries for a new view: a URL change is a transition, in which React would keep the previous view's
  // panels on screen, clickable, until every new query answered. Fresh boundaries show their skeletons instead.
  const viewKey = auditQueryToSearchParams(view).toString();

  return (
    <>
      <PageHeader
        title="Audit"
        description="What happened in the workspace, when, and by whom — from system.access.audit. Times are UTC."
        actions={<RangePicker key={`${rangeKey}|${issueKeys}`} state={state} onChange={update} urlIssues={issues} />}
      />
      <div className="space-y-6">
        {issueKeys ? (
          <InlineStatus tone="warning">
            Part of this link could not be used, so the page shows {state.from ? 'the chosen range' : SHOWN[state.range ?? '7d']} without
            it:{' '}
            {Object.values(issues)
              .map((i) => i.message)
              .join(' ')}{' '}
            Correct it below.
          </InlineStatus>
        ) : null}
        <AuditFilterBar key={`${filtersKey}|${issueKeys}`} state={state} onApply={update} urlIssues={issues} />
        <div key={viewKey} className="space-y-6">
          <PanelBoundary what="the timeline" skeleton={<TimelineSkeleton />}>
            <TimelinePanel {...panel} />
          </PanelBoundary>
          <ActivityPanelsGrid {...panel} />
          <PanelBoundary what="the event explorer" skeleton={<PanelSkeleton title="Event explorer" rows={8} />}>
            <EventExplorer {...panel} />
          </PanelBoundary>
        </div>
      </div>
      <EventDrawer eventKey={state.event} onClose={() => update({ event: undefined })} onNarrow={update} />
    </>
  );
}
