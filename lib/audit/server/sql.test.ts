import { describe, expect, it } from 'vitest';
import { CATEGORY_RULES } from '@/lib/audit/rules/categories';
import type { AuditFilters } from '@/lib/audit/contract';
import { resolveWindow } from '@/lib/audit/rules/range';
import { secretActionsStatement, secretReadersStatement, tokenActionsStatement } from './activity';
import { failedHourlyStatement, topFailedAccountsStatement, topFailedIpsStatement, withBaseline } from './failed-auth';
import { FEEDS, feedStatement } from './feeds';
import { eventDetailStatement, explorerPageStatement } from './explorer';
import { auditWhere, categoryPredicate, CATEGORY_SQL, sqlName, type AuditStatement } from './sql';
import { timelineStatement } from './timeline';

const now = new Date('2026-11-28T07:30:00Z');
const week = resolveWindow({ range: '7d' }, now);
const quarter = resolveWindow({ range: '90d' }, now);
// Values chosen to be recognisable if they ever leaked into SQL text.
const hostile: AuditFilters = {
  service: 'accounts',
  action: 'tokenLogin',
  actor: "o'brien%_\\ OR 1=1 --",
  ip: '203.0.113.77',
  outcome: 'failure',
  category: 'signin',
};
const key = { micros: 1_795_774_530_123_456, eventId: 'evt-42' };

const statements: AuditStatement<unknown>[] = [
  timelineStatement(week, {}),
  timelineStatement(quarter, hostile),
  topFailedIpsStatement(week, hostile),
  topFailedAccountsStatement(week, hostile),
  failedHourlyStatement(withBaseline(week, 168), hostile),
  ...Object.values(FEEDS).map((spec) => feedStatement(spec, week, hostile)),
  tokenActionsStatement(week, hostile),
  secretActionsStatement(week, hostile),
  secretReadersStatement(week, hostile),
  explorerPageStatement(week, hostile, null),
  explorerPageStatement(week, hostile, key),
  eventDetailStatement(key),
];

const placeholders = (sql: string) => new Set([...sql.matchAll(/(?<!:):([a-z_]+)/g)].map((m) => m[1]!));

describe.each(statements.map((s) => [s.query.name, s] as const))('%s', (_name, { query, params }) => {
  it('binds every placeholder and leaves no parameter unused', () => {
    expect(placeholders(query.sql)).toEqual(new Set(Object.keys(params)));
  });

  it('bounds event_date for partition pruning', () => {
    expect(query.sql).toMatch(/event_date (>=|=) CAST\(:(from_date|event_date) AS DATE\)/);
  });

  it('caps rows in SQL and in the client alike, and never uses OFFSET', () => {
    // One row beyond the cap tells the client the result was truncated.
    expect(query.sql).toMatch(new RegExp(`\\nLIMIT ${query.maxRows + 1}$`));
    expect(query.sql).not.toMatch(/\bOFFSET\b/i);
  });

  it('keeps person-supplied values out of the SQL text', () => {
    expect(query.sql).not.toContain('brien');
    expect(query.sql).not.toContain('203.0.113');
    expect(query.sql).not.toContain('evt-42');
  });
});

describe('auditWhere', () => {
  it('bounds both event_date and event_time by the window', () => {
    const where = auditWhere(week, {});
    expect(where.params).toEqual({ from_date: '2026-11-21', to_date: '2026-11-28', from_time: week.from, to_time: week.to });
    expect(where.sql).toContain('event_time >= :from_time');
    expect(where.sql).toContain('event_time < :to_time');
  });

  it('binds the IP with a port-tolerant pattern and the actor as a substring', () => {
    const where = auditWhere(week, { ip: '10.1.2.3', actor: 'Bob' });
    expect(where.params).toMatchObject({ ip: '10.1.2.3', ip_with_port: '10.1.2.3:%', actor: 'Bob' });
    expect(where.sql).toContain("contains(lower(coalesce(user_identity.email, nullif(request_params['user'], ''))), lower(:actor))");
  });

  it('turns outcomes into status conditions without parameters', () => {
    expect(auditWhere(week, { outcome: 'failure' }).sql).toContain('response.status_code >= 400');
    expect(auditWhere(week, { outcome: 'success' }).sql).toContain('response.status_code IS NULL OR response.status_code < 400');
  });
});

describe('CATEGORY_SQL', () => {
  it('has one WHEN per rule, in rule order, and falls back to other', () => {
    const whens = CATEGORY_SQL.split('\n').filter((l) => l.trim().startsWith('WHEN'));
    expect(whens).toHaveLength(CATEGORY_RULES.length);
    CATEGORY_RULES.forEach((rule, i) => expect(whens[i]).toContain(`THEN '${rule.category}'`));
    expect(CATEGORY_SQL).toContain("ELSE 'other'");
    expect(whens[0]).toBe(
      "  WHEN service_name = 'unityCatalog' AND action_name IN ('updatePermissions', 'updateSharePermissions') THEN 'permissions'",
    );
  });
});

describe('categoryPredicate', () => {
  it('filters with plain equality tests, never the CASE expression', () => {
    for (const c of ['signin', 'tokens', 'secrets', 'permissions', 'unityCatalog', 'config', 'other'] as const)
      expect(categoryPredicate(c)).not.toContain('CASE');
    expect(categoryPredicate('unityCatalog')).toBe(
      "((service_name = 'unityCatalog' AND NOT coalesce((service_name = 'unityCatalog' AND action_name IN ('updatePermissions', 'updateSharePermissions')), false)))",
    );
    expect(categoryPredicate('other')).toMatch(/^NOT coalesce\(/);
  });

  it('is what a category filter adds to the WHERE clause', () => {
    expect(auditWhere(week, { category: 'tokens' }).sql).toContain(categoryPredicate('tokens'));
  });
});

describe('sqlName', () => {
  it('refuses anything but a plain identifier', () => {
    expect(sqlName('getSecret')).toBe("'getSecret'");
    for (const bad of ["a'b", 'a\\b', 'a b', '', '1abc']) expect(() => sqlName(bad)).toThrow();
  });
});

describe('explorerPageStatement', () => {
  it('asks for one row more than a page and resumes strictly after the cursor', () => {
    const s = explorerPageStatement(week, {}, key, 50);
    expect(s.query.maxRows).toBe(50);
    expect(s.query.sql).toMatch(/LIMIT 51$/);
    expect(s.params).toMatchObject({ cursor_us: key.micros, cursor_id: 'evt-42', cursor_date: '2026-11-27' });
    expect(s.query.sql).toContain('ORDER BY event_time DESC, event_id DESC');
    expect(s.query.sql).toContain('event_time = timestamp_micros(:cursor_us) AND event_id < :cursor_id');
  });
});

describe('timelineStatement', () => {
  it('groups hourly windows by truncated hour and daily ones by event_date, categorising after counting', () => {
    expect(timelineStatement(week, {}).query.sql).toContain(
      "SELECT date_trunc('HOUR', event_time) AS bucket, service_name, action_name, count(*) AS events",
    );
    expect(timelineStatement(quarter, {}).query.sql).toContain(
      'SELECT event_date AS bucket, service_name, action_name, count(*) AS events',
    );
  });
});

describe('pages of events', () => {
  it('sort raw columns and compute the category only on the rows kept', () => {
    const sql = explorerPageStatement(quarter, {}, null).query.sql;
    const inner = sql.slice(sql.indexOf('FROM ('), sql.indexOf(') AS newest'));
    expect(inner).not.toContain('CASE');
    expect(inner).toContain('LIMIT 101');
    expect(sql.slice(0, sql.indexOf('FROM ('))).toContain('CASE');
  });
});

describe('failed hourly series', () => {
  it('reaches back the baseline period before the window', () => {
    const s = failedHourlyStatement(withBaseline(week, 168), {});
    expect(s.params.from_time).toEqual(new Date(week.from.getTime() - 168 * 3_600_000));
    expect(s.params.to_time).toEqual(week.to);
  });
});
