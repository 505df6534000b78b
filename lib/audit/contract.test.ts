import { describe, expect, it } from 'vitest';
import { searchParamsToObject } from '@/lib/url-state';
import { encodeEventKey } from '@/lib/audit/rules/cursor';
import {
  auditEventsQuerySchema,
  auditPageSchema,
  auditQuerySchema,
  auditQueryToSearchParams,
  filtersOf,
  viewOf,
  windowOf,
  auditUrlIssues,
} from './contract';

const parse = (qs: string) => auditQuerySchema.safeParse(searchParamsToObject(new URLSearchParams(qs)));
const messages = (qs: string) => {
  const r = parse(qs);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('auditQuerySchema', () => {
  it('parses a full URL query', () => {
    const r = parse('range=7d&service=accounts&action=tokenLogin&actor=Bob&ip=203.0.113.7&outcome=failure&category=signin');
    expect(r.success && r.data).toEqual({
      range: '7d',
      service: 'accounts',
      action: 'tokenLogin',
      actor: 'Bob',
      ip: '203.0.113.7',
      outcome: 'failure',
      category: 'signin',
    });
  });

  it('treats blank fields as absent, as an HTML form sends them', () => {
    const r = parse('range=24h&service=&actor=%20&ip=');
    expect(r.success && r.data).toEqual({ range: '24h' });
  });

  it('parses custom windows into dates', () => {
    const r = parse('from=2026-11-20T00:00:00Z&to=2026-11-21T12:00:00%2B02:00&bucket=hour');
    expect(r.success && r.data.from?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(r.success && r.data.to?.toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  it.each([
    ['range=1y', /range must be one of 24h, 7d, 30d, 90d/],
    ['range=7d&from=2026-11-20T00:00:00Z', /either range or from\/to/],
    ['from=yesterday&to=2026-11-21T00:00:00Z', /from must be an ISO date-time/],
    ['ip=10.0.0.1;DROP', /ip must be an IP address/],
    ["service=accounts'--", /service must be a single name/],
    ['outcome=maybe', /outcome must be success or failure/],
    ['category=Sign-in', /category must be one of/],
    ['bucket=week', /bucket must be hour or day/],
  ])('rejects %s with a message a person can act on', (qs, message) => {
    expect(messages(qs).join(' ')).toMatch(message);
  });

  it('accepts IPv6 addresses', () => {
    expect(parse('ip=2001:db8::1').success).toBe(true);
  });
});

describe('auditQueryToSearchParams', () => {
  it('round-trips through the schema in a canonical order', () => {
    const qs = 'outcome=failure&range=7d&actor=bob';
    const r = parse(qs);
    expect(r.success).toBe(true);
    const canonical = auditQueryToSearchParams(r.success ? r.data : {}).toString();
    expect(canonical).toBe('range=7d&actor=bob&outcome=failure');
    const again = parse(canonical);
    expect(again.success && again.data).toEqual(r.success && r.data);
  });

  it('writes custom windows as ISO timestamps', () => {
    const from = new Date('2026-11-20T00:00:00Z');
    expect(auditQueryToSearchParams({ from, to: new Date('2026-11-21T00:00:00Z') }).toString()).toBe(
      'from=2026-11-20T00%3A00%3A00.000Z&to=2026-11-21T00%3A00%3A00.000Z',
    );
  });
});

describe('filtersOf and windowOf', () => {
  it('split a parsed query into filters and a resolved window', () => {
    const r = parse('range=24h&category=secrets&outcome=success');
    if (!r.success) throw new Error('parse failed');
    expect(filtersOf(r.data)).toMatchObject({ category: 'secrets', outcome: 'success' });
    expect(windowOf(r.data, new Date('2026-11-28T00:00:00Z'))).toMatchObject({ range: '24h', bucket: 'hour' });
  });
});

describe('window checks in the schema', () => {
  it.each([
    ['from=2026-11-20T00:00:00Z', /Give both from and to/],
    ['from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z', /from must be earlier than to/],
    ['range=90d&bucket=hour', /Hourly buckets are available for windows up to 31 days/],
    ['from=2024-01-01T00:00:00Z&to=2025-06-01T00:00:00Z', /at most 366 days/],
  ])('rejects %s', (qs, message) => {
    expect(messages(qs).join(' ')).toMatch(message);
  });

  it('takes the last of repeated parameters', () => {
    const r = parse('range=24h&range=30d');
    expect(r.success && r.data.range).toBe('30d');
  });
});

describe('auditEventsQuerySchema', () => {
  it('decodes the cursor into a keyset position and rejects a tampered one', () => {
    const cursor = encodeEventKey({ micros: 1_795_774_530_123_456, eventId: 'e-1' });
    const ok = auditEventsQuerySchema.safeParse({ range: '7d', cursor });
    expect(ok.success && ok.data.cursor).toEqual({ micros: 1_795_774_530_123_456, eventId: 'e-1' });
    const bad = auditEventsQuerySchema.safeParse({ range: '7d', cursor: 'AAAA' });
    expect(bad.success).toBe(false);
  });
});

describe('auditPageSchema and viewOf', () => {
  it('drops a bad value from a stale link but keeps the rest of the view', () => {
    const r = auditPageSchema.safeParse({ range: '30d', ip: 'not-an-ip', actor: 'bob', event: '<script>' });
    expect(r.success && r.data).toMatchObject({ range: '30d', ip: undefined, actor: 'bob', event: undefined });
  });

  it('keeps the open event in the page state but out of the view', () => {
    const r = auditPageSchema.safeParse({ range: '24h', actor: 'bob', event: 'MTIzfmU' });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.event).toBe('MTIzfmU');
    expect(viewOf(r.data)).toEqual({
      range: '24h',
      from: undefined,
      to: undefined,
      bucket: undefined,
      service: undefined,
      action: undefined,
      actor: 'bob',
      ip: undefined,
      outcome: undefined,
      category: undefined,
    });
  });
});

describe('auditUrlIssues', () => {
  it('names what a link held that the page could not use, beside its field', () => {
    expect(auditUrlIssues(new URLSearchParams('range=7d&ip=10.0.0.0/8'))).toEqual({
      ip: { value: '10.0.0.0/8', message: 'ip must be an IP address such as 203.0.113.7' },
    });
    expect(auditUrlIssues(new URLSearchParams('from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z'))).toEqual({
      from: { value: '2026-11-21T00:00:00Z', message: 'from must be earlier than to (and than now).' },
    });
    expect(auditUrlIssues(new URLSearchParams('range=7d&actor=ann&event=abc'))).toEqual({});
  });
});
