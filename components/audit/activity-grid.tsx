'use client';
import { lazy } from 'react';
import { PanelBoundary, PanelSkeleton } from './panel-boundary';
import type { PanelProps } from './panel-types';

// Below the timeline: the server renders the panels, and their code is a chunk of its own that arrives beside the
// page's, so the page's first load stays small (each panel's Suspense boundary shows its skeleton meanwhile).
const panels = () => import('./activity-panels');
const FailedAuthPanel = lazy(() => import('./failed-auth-panel').then((m) => ({ default: m.FailedAuthPanel })));
const PermissionsPanel = lazy(() => panels().then((m) => ({ default: m.PermissionsPanel })));
const TokensPanel = lazy(() => panels().then((m) => ({ default: m.TokensPanel })));
const SecretsPanel = lazy(() => panels().then((m) => ({ default: m.SecretsPanel })));
const ConfigPanel = lazy(() => panels().then((m) => ({ default: m.ConfigPanel })));

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
