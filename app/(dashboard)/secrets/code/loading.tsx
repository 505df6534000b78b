import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading credentials in code" className="space-y-4">
      <div className="space-y-2">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-[36rem] max-w-full" />
      </div>
      <Skeleton className="h-28" />
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <SkeletonTable rows={8} columns={5} />
    </SkeletonRegion>
  );
}
