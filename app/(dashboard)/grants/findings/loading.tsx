import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

// Below the header and tabs (the grants layout): the findings' counts, their filters and the table.
export default function Loading() {
  return (
    <SkeletonRegion label="Loading the least-privilege findings" className="space-y-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-9 w-[36rem] max-w-full" />
      <SkeletonTable rows={8} columns={4} />
    </SkeletonRegion>
  );
}
