import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading grants" className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-4 w-[36rem] max-w-full" />
      </div>
      <Skeleton className="h-9 w-96 max-w-full" />
      <div className="flex flex-wrap gap-2">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-12 w-40" />
        ))}
      </div>
      <SkeletonTable rows={12} columns={6} />
    </SkeletonRegion>
  );
}
