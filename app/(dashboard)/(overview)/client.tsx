'use client';
import { Suspense } from 'react';
import { HealthCard, HealthCardSkeleton } from '@/components/overview/health-card';
import { IdentityCards, type IdentityCardsProps } from '@/components/overview/identity-cards';
import { AreaLinks, type AreaLink } from '@/components/overview/area-links';
import { PageHeader } from '@/components/ui/page-header';

export function OverviewClient({ areas, ...identity }: IdentityCardsProps & { areas: AreaLink[] }) {
  return (
    <>
      <PageHeader
        title="Overview"
        description="The workspace Brickwatch watches, who you are here, and whether both of its connections to Databricks work right now."
      />
      <div className="space-y-6">
        <IdentityCards {...identity} />
        <section aria-labelledby="health-heading" className="space-y-3">
          <h2 id="health-heading" className="text-sm font-semibold">
            Connection health
          </h2>
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
    </>
  );
}
