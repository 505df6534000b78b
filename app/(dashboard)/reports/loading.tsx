import { Skeleton, SkeletonTable } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-[36rem] max-w-full" />
      </div>
      <div className="grid gap-6 xl:grid-cols-[15rem_minmax(0,1fr)]">
        <Skeleton className="h-64" />
        <div className="space-y-4">
          <Skeleton className="h-28" />
          <SkeletonTable rows={10} columns={4} />
        </div>
      </div>
    </div>
  );
}
