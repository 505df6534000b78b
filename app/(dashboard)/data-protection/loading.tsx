import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading data protection" className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-6 w-44" />
        <Skeleton className="h-4 w-[34rem] max-w-full" />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
      <SkeletonTable rows={10} columns={6} />
    </SkeletonRegion>
  );
}
