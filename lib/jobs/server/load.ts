// Every job this identity can see, listed once and shared: the Secrets area reads the clusters each job starts (plain
// credentials), Posture whom each job runs as. At 2,000 jobs the listing is 20 cursor pages one after another, the
// slowest read behind both, so two readers must never list twice.
import 'server-only';
import { listJobs, type JobRecord } from '@/lib/databricks/api/jobs';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { cachedRead, type ReadPolicy } from '@/lib/read-cache';

/**
 * A minute, with no stale window: both readers are stale-while-revalidate caches of their own that stamp the time they
 * ran, so a stale listing here would make their answers older than they say.
 */
export const JOBS_READ: ReadPolicy & { key: string } = { key: 'jobs.list', ttlMs: 60_000 };

export function loadJobs(ws: Workspace): Promise<JobRecord[]> {
  return cachedRead(ws, JOBS_READ.key, JOBS_READ, () => listJobs(ws.rest));
}
