import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

/** Shaped like the posture page: four summary cards, then check cards. */
export function PostureSkeleton() {
  return (
    <SkeletonRegion label="Evaluating the checklist" className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-40" />
      ))}
    </SkeletonRegion>
  );
}
