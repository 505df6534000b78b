// The activity page (Brickwatch's own action log): its URL filter schema, shared by the page, the client and the
// API route, and its queryOptions factory. The pattern every area copies.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { ActionRecord, ChainCheck } from '@/lib/store/action-log';
import { toSearchParams } from '@/lib/url-state';
import { apiFetch } from './fetch';

export const OUTCOMES = ['success', 'failure', 'partial'] as const;

/** ?outcome=failure&actor=ann@example.com&action=tokens. — every field optional, bad values dropped on pages. */
export const activityFilters = z.object({
  outcome: z.enum(OUTCOMES).optional().catch(undefined),
  actor: z.string().trim().min(1).max(200).optional().catch(undefined),
  action: z.string().trim().regex(/^[a-z][a-z0-9_.-]*$/, 'must look like "tokens.revoke" or "tokens."').max(100).optional().catch(undefined),
});
export type ActivityFilters = z.output<typeof activityFilters>;
export const ACTIVITY_DEFAULTS: ActivityFilters = {};

/** The API validates strictly (400 on a bad value), pages fall back to "no filter". */
export const activityQuerySchema = activityFilters.extend({
  outcome: z.enum(OUTCOMES).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  action: z.string().trim().regex(/^[a-z][a-z0-9_.-]*$/, 'must look like "tokens.revoke" or "tokens."').max(100).optional(),
});

export interface ActivityResponse {
  entries: ActionRecord[];
  chain: ChainCheck;
  /** More rows exist beyond the newest `limit`. */
  limited: boolean;
}

export const activityQueries = {
  all: () => ['activity'] as const,
  list: (filters: ActivityFilters) =>
    queryOptions({
      queryKey: [...activityQueries.all(), 'list', filters] as const,
      queryFn: ({ signal }) => apiFetch<ActivityResponse>(`/api/activity?${toSearchParams(filters)}`, { signal }),
      placeholderData: keepPreviousData,
    }),
};
