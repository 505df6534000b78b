// The activity page (Brickwatch's own action log): its URL filter schema, shared by the page, the client and the
// API route, and its queryOptions factory. The pattern every area copies. zod/mini: this ships to the browser.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import type { ActionRecord, ChainCheck } from '@/lib/store/action-log';
import { toSearchParams } from '@/lib/url-state';
import { apiFetch } from '@/lib/query/fetch';

export const OUTCOMES = ['success', 'failure', 'partial'] as const;

const outcome = z.enum(OUTCOMES, { error: 'must be success, failure or partial' });
const actor = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));
const action = z.string().check(z.trim(), z.maxLength(100), z.regex(/^[a-z][a-z0-9_.-]*$/, 'must look like "tokens.revoke" or "tokens."'));

/** For the API: a bad value is a 400 naming the parameter. */
export const activityQuerySchema = z.object({ outcome: z.optional(outcome), actor: z.optional(actor), action: z.optional(action) });

/** For pages: ?outcome=failure&actor=ann@example.com&action=tokens. — a bad value is dropped, never an error page. */
export const activityFilters = z.object({
  outcome: z.catch(z.optional(outcome), undefined),
  actor: z.catch(z.optional(actor), undefined),
  action: z.catch(z.optional(action), undefined),
});
export type ActivityFilters = z.output<typeof activityFilters>;
export const ACTIVITY_DEFAULTS: ActivityFilters = {};

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
