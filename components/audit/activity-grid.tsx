'use client';
// In the page's own bundle, not a chunk of their own: their events open on a click, and a section whose code arrives
// after the page has loaded drops a click made in between (measured: the e2e click on a token event was lost).
import { ConfigPanel, PermissionsPanel, SecretsPanel, TokensPanel } from './activity-panels';
import { FailedAuthPanel } from './failed-auth-panel';
import { PanelBoundary, PanelSkeleton } from './panel-boundary';
import type { PanelProps } from './panel-types';

/** The five feed panels, each with its own loading and failure state. */
export function ActivityPanelsGrid(props: PanelProps) {
  return (
    <div className="grid items-start gap-6 xl:grid-cols-2">
      <div className="xl:col-span-2">
        <PanelBoundary what="failed authentication" skeleton={<PanelSkeleton title="Failed authentication" />}>
          <FailedAuthPanel {...props} />
        </PanelBoundary>
      </div>
      <PanelBoundary what="permission changes" skeleton={<PanelSkeleton title="Permission changes" />}>
        <PermissionsPanel {...props} />
      </PanelBoundary>
      <PanelBoundary what="token lifecycle" skeleton={<PanelSkeleton title="Token lifecycle" />}>
        <TokensPanel {...props} />
      </PanelBoundary>
      <PanelBoundary what="secret activity" skeleton={<PanelSkeleton title="Secret activity" />}>
        <SecretsPanel {...props} />
      </PanelBoundary>
      <PanelBoundary what="configuration changes" skeleton={<PanelSkeleton title="Configuration changes" />}>
        <ConfigPanel {...props} />
      </PanelBoundary>
    </div>
  );
}
