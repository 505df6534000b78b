import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { parseSearchParams, toSearchParams } from '@/lib/url-state';
import { activityFilters, activityQuerySchema } from './contract';

describe('activity URL schema', () => {
  it('pages keep good values and drop bad ones', () => {
    expect(parseSearchParams(activityFilters, new URLSearchParams('outcome=failure&actor=%20ann@example.com%20&action=tokens.'))).toEqual({
      outcome: 'failure',
      actor: 'ann@example.com',
      action: 'tokens.',
    });
    expect(parseSearchParams(activityFilters, new URLSearchParams('outcome=maybe&action=DROP%20TABLE'))).toEqual({});
  });

  it('the API refuses bad values with a message naming what is allowed', () => {
    const bad = safeParse(activityQuerySchema, { outcome: 'maybe' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['outcome'], message: 'must be success, failure or partial' });
    expect(safeParse(activityQuerySchema, { action: 'tokens.revoke' }).success).toBe(true);
  });

  it('round-trips through the URL', () => {
    const filters = { outcome: 'partial' as const, actor: 'bo@example.com' };
    expect(parseSearchParams(activityFilters, toSearchParams(filters))).toEqual(filters);
  });
});
