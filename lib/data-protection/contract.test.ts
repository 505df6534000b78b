import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { maskBody, PROTECTION_URL, rowFilterBody } from './contract';

const issue = (schema: z.ZodMiniType, value: unknown) => {
  const r = z.safeParse(schema, value);
  return r.success ? null : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
};

describe('the data-protection contract', () => {
  it('takes a mask as parts: table, column and the group that keeps raw values', () => {
    expect(z.parse(maskBody, { table: 'a.b.c', column: 'e-mail address', allowedGroup: ' hr ', dryRun: true })).toEqual({
      table: 'a.b.c',
      column: 'e-mail address',
      allowedGroup: 'hr',
      dryRun: true,
    });
    expect(issue(maskBody, { table: 'a.b', column: 'x', allowedGroup: 'hr' })).toMatch(/^table: table must be a full name/);
    expect(issue(maskBody, { table: 'a.b.c', column: 'x`y', allowedGroup: 'hr' })).toMatch(/^column: column must not contain backticks/);
    expect(issue(maskBody, { table: 'a.b.c', column: 'x', allowedGroup: "hr') OR true --" })).toMatch(/^allowedGroup: .*quotes/);
  });

  it('takes a row filter as a function and its columns', () => {
    expect(z.parse(rowFilterBody, { table: 'a.b.c', function: 'main.gov.f', columns: [] })).toEqual({
      table: 'a.b.c',
      function: 'main.gov.f',
      columns: [],
    });
    expect(issue(rowFilterBody, { table: 'a.b.c', function: 'f', columns: ['region'] })).toMatch(/^function: function must be a full name/);
  });

  it('keeps a stale page URL usable', () => {
    expect(PROTECTION_URL.parse(new URLSearchParams('kind=email&status=sometimes&catalog=hr'))).toEqual({
      kind: 'email',
      status: undefined,
      catalog: 'hr',
      q: undefined,
    });
  });
});
