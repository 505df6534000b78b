import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { orElse, parseSearchParams, searchParamsToObject, toSearchParams } from './url-state';

const filters = z.object({
  range: z.enum(['24h', '7d', '30d']).catch('7d').default('7d'),
  risk: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(['high', 'medium', 'low'])))
    .catch([])
    .default([]),
  q: z.string().max(100).optional(),
});

describe('url state', () => {
  it('keeps repeated keys as arrays, from URLSearchParams or Next searchParams', () => {
    expect(searchParamsToObject(new URLSearchParams('risk=high&risk=low&q=x'))).toEqual({ risk: ['high', 'low'], q: 'x' });
    expect(searchParamsToObject({ risk: ['high'], q: 'x', gone: undefined })).toEqual({ risk: 'high', q: 'x' });
  });

  it('parses with the page schema, falling back per field on bad values', () => {
    expect(parseSearchParams(filters, new URLSearchParams('range=30d&risk=high'))).toEqual({ range: '30d', risk: ['high'] });
    expect(parseSearchParams(filters, { range: 'forever', risk: ['high', 'nope'] })).toEqual({ range: '7d', risk: [] });
  });

  it('round-trips through the URL, leaving defaults and empties out', () => {
    const state = { range: '7d', risk: ['high', 'medium'], q: '' };
    const sp = toSearchParams(state, { range: '7d' });
    expect(sp.toString()).toBe('risk=high&risk=medium');
    expect(parseSearchParams(filters, sp)).toEqual({ range: '7d', risk: ['high', 'medium'] });
  });

  it('orElse answers as z.catch does: the value when it fits, the fallback when it does not or is missing', () => {
    const page = zm.object({
      tab: orElse(zm._default(zm.enum(['matrix', 'access']), 'matrix'), 'matrix'),
      q: orElse(zm.optional(zm.string().check(zm.maxLength(3))), undefined),
    });
    const same = zm.object({
      tab: zm.catch(zm._default(zm.enum(['matrix', 'access']), 'matrix'), 'matrix'),
      q: zm.catch(zm.optional(zm.string().check(zm.maxLength(3))), undefined),
    });
    for (const raw of [{}, { tab: 'access', q: 'abc' }, { tab: 'nope', q: 'toolong' }, { tab: ['access', 'matrix'] }]) {
      expect(zm.parse(page, raw)).toEqual(zm.parse(same, raw));
    }
    expect(zm.parse(page, { tab: 'nope', q: 'toolong' })).toEqual({ tab: 'matrix', q: undefined });
    expect(zm.parse(page, { tab: 'access', q: 'abc' })).toEqual({ tab: 'access', q: 'abc' });
  });
});
