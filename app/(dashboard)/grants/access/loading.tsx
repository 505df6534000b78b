import { Skeleton, SkeletonRegion } from '@/components/ui/skeleton';

// Below the header and tabs (the grants layout): the two questions.
export default function Loading() {
  return (
    <SkeletonRegion label="Loading who can read what" className="space-y-4">
      <Skeleton className="h-40" />
      <Skeleton className="h-40" />
    </SkeletonRegion>
  );
}
