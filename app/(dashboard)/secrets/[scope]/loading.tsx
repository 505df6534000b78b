import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <SkeletonRegion label="Loading the secret scope" className="space-y-5">
      <div className="space-y-2">
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <Skeleton className="h-24" />
      <div className="grid gap-5 2xl:grid-cols-2">
        <SkeletonTable rows={4} columns={4} />
        <SkeletonTable rows={4} columns={2} />
      </div>
      <Skeleton className="h-48" />
    </SkeletonRegion>
  );
}
