'use client';
import { Suspense } from 'react';
import { HealthCard, HealthCardSkeleton } from '@/components/overview/health-card';
import { IdentityCards, type IdentityCardsProps } from '@/components/overview/identity-cards';
import { AreaLinks, type AreaLink } from '@/components/overview/area-links';
import { PostureView, type PostureViewProps } from '@/components/posture/posture-view';

/** The home page: the posture first; then the workspace, who you are and who Brickwatch acts as, and both connections. */
export function HomeClient({ areas, posture, ...identity }: IdentityCardsProps & { areas: AreaLink[]; posture: PostureViewProps }) {
  return (
    <div className="space-y-10">
      <div>
        <PostureView {...posture} />
      </div>
      <section aria-labelledby="workspace-heading" className="space-y-3 border-t border-border pt-6">
        <h2 id="workspace-heading" className="text-sm font-semibold">
          Workspace and connections
        </h2>
        <IdentityCards {...identity} />
        <div className="grid gap-4 md:grid-cols-2">
          <Suspense fallback={<HealthCardSkeleton title="REST API" />}>
            <HealthCard target="rest" title="REST API" description="SCIM /Me as the acting identity" />
          </Suspense>
          <Suspense fallback={<HealthCardSkeleton title="SQL warehouse" />}>
            <HealthCard target="sql" title="SQL warehouse" description="SELECT current_user() through the SQL driver" />
          </Suspense>
        </div>
      </section>
      {areas.length > 0 ? <AreaLinks areas={areas} /> : null}
    </div>
  );
}
