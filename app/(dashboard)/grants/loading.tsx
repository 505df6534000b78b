import { Skeleton, SkeletonRegion, SkeletonTable } from '@/components/ui/skeleton';

// Below the header and tabs (the grants layout): the matrix's filters and grid.
export default function Loading() {
  return (
    <SkeletonRegion label="Loading the grant matrix" className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-12 w-40" />
        ))}
      </div>
      <SkeletonTable rows={12} columns={6} />
    </SkeletonRegion>
  );
}
