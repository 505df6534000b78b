import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading secret scopes" className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-4 w-[32rem] max-w-full" />
      </div>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <SkeletonTable rows={8} columns={5} />
      <Skeleton className="h-64" />
    </SkeletonRegion>
  );
}
