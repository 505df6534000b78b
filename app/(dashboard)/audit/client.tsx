'use client';
import { ActivityPanelsGrid } from '@/components/audit/activity-grid';
import { AuditFilterBar } from '@/components/audit/audit-filter-bar';
import { EventDrawer } from '@/components/audit/event-drawer';
import { EventExplorer } from '@/components/audit/event-explorer';
import { PanelBoundary, PanelSkeleton } from '@/components/audit/panel-boundary';
import type { PanelProps } from '@/components/audit/panel-types';
import { RangePicker } from '@/components/audit/range-picker';
import { TimelinePanel, TimelineSkeleton } from '@/components/audit/timeline-panel';
import { useAuditUrl } from '@/components/audit/use-audit-url';
import { PageHeader } from '@/components/ui/page-header';
import { auditQueryToSearchParams, FILTER_KEYS } from '@/lib/audit/contract';

export function AuditClient() {
  const { state, view, update } = useAuditUrl();
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
        actions={<RangePicker key={rangeKey} state={state} onChange={update} />}
      />
      <div className="space-y-6">
        <AuditFilterBar key={filtersKey} state={state} onApply={update} />
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
