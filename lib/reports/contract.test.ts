import { describe, expect, it } from 'vitest';
import { safeParse } from 'zod/mini';
import { generateBody, noQuery, reportsPageSchema } from './contract';

const message = (r: ReturnType<typeof safeParse>) => (r.success ? null : r.error.issues[0]?.message);

describe('the reports contract', () => {
  it('takes an optional ISO week that exists', () => {
    expect(safeParse(generateBody, {}).data).toEqual({});
    expect(safeParse(generateBody, { week: ' 2026-W48 ' }).data).toEqual({ week: '2026-W48' });
    expect(message(safeParse(generateBody, { week: '2026-48' }))).toBe('week must be an ISO week such as 2026-W48');
    expect(message(safeParse(generateBody, { week: '2025-W53' }))).toBe('that week does not exist (only some years have a week 53)');
  });

  it('refuses query parameters on the generate route, and ignores a bad report id in the page URL', () => {
    expect(safeParse(noQuery, {}).success).toBe(true);
    expect(safeParse(noQuery, { week: '2026-W48' }).success).toBe(false);
    expect(safeParse(reportsPageSchema, { id: '../etc' }).data).toEqual({ id: undefined });
  });
});
