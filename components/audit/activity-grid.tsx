'use client';
import dynamic from 'next/dynamic';
import { PanelBoundary, PanelSkeleton } from './panel-boundary';
import type { PanelProps } from './panel-types';

// Below the timeline: the server renders the panels, and their code is a chunk of its own that the server's HTML
// preloads (next/dynamic), so it arrives beside the page's and the panels hydrate with it.
const FailedAuthPanel = dynamic(() => import('./failed-auth-panel').then((m) => m.FailedAuthPanel));
const PermissionsPanel = dynamic(() => import('./activity-panels').then((m) => m.PermissionsPanel));
const TokensPanel = dynamic(() => import('./activity-panels').then((m) => m.TokensPanel));
const SecretsPanel = dynamic(() => import('./activity-panels').then((m) => m.SecretsPanel));
const ConfigPanel = dynamic(() => import('./activity-panels').then((m) => m.ConfigPanel));

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
