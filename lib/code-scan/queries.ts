// queryOptions for the code-scan area. ['code-scan'] invalidates everything after a start or cancel;
// ['code-scan', 'status'] is polled while a scan runs; ['code-scan', 'findings'] is re-read when one finishes.
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/query/fetch';
import { findingsResponseSchema, statusResponseSchema } from './contract';

/** How often the page asks for progress while a scan runs (the walk saves its progress every heartbeat). */
export const PROGRESS_POLL_MS = 1_000;

export const codeScanQueries = {
  all: () => ['code-scan'] as const,
  status: () =>
    queryOptions({
      queryKey: [...codeScanQueries.all(), 'status'] as const,
      queryFn: ({ signal }) => apiFetch('/api/code-scan/status', statusResponseSchema, { signal }),
      refetchInterval: (q) => (q.state.data?.running ? PROGRESS_POLL_MS : false),
      staleTime: 5_000,
    }),
  findings: () =>
    queryOptions({
      queryKey: [...codeScanQueries.all(), 'findings'] as const,
      queryFn: ({ signal }) => apiFetch('/api/code-scan/findings', findingsResponseSchema, { signal }),
      staleTime: 30_000,
    }),
};
