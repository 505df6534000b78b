import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading overview" className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-36" />
        ))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {[0, 1].map((i) => (
          <Skeleton key={i} className="h-32" />
        ))}
      </div>
    </SkeletonRegion>
  );
}
