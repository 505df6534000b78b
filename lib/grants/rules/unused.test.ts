import { describe, expect, it } from 'vitest';
import { grant, index } from './test-fixtures';
import { lineageNotCollected, unusedGrantFindings, usageIndex, type UsageRow } from './unused';

const now = new Date('2026-12-04T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const use = (user: string, securable: string, how: 'read' | 'write', days: number): UsageRow => ({
  user,
  securable,
  how,
  last: daysAgo(days),
});

describe('grants with no recorded use', () => {
  const grants = [
    grant('analysts', 'analytics.gold', 'SELECT'),
    grant('analysts', 'analytics.silver', 'SELECT'),
    grant('app-powerbi', 'analytics.gold', 'MODIFY'),
    grant('ann@hp.com', 'analytics.silver.customers', 'SELECT'),
    grant('analysts', 'analytics.gold', 'USE SCHEMA'),
  ];

  it('counts a read by any member of the group, and judges only SELECT and MODIFY', () => {
    const usage = usageIndex([use('bo@hp.com', 'analytics.gold', 'read', 1), use('app-powerbi', 'analytics.gold', 'read', 0)]);
    const found = unusedGrantFindings(grants, usage, index, 90, now);
    expect(found.map((f) => [f.principal, f.securable, f.privilege])).toEqual([
      ['analysts', 'analytics.silver', 'SELECT'],
      // Power BI reads gold every day, but never wrote to it: the MODIFY is the candidate.
      ['app-powerbi', 'analytics.gold', 'MODIFY'],
      ['ann@hp.com', 'analytics.silver.customers', 'SELECT'],
    ]);
    expect(found[0]).toMatchObject({
      code: 'no_recorded_use',
      level: 'low',
      fix: { action: 'REVOKE', privileges: ['SELECT'], securableType: 'SCHEMA', securable: 'analytics.silver', principal: 'analysts' },
      evidence: { days: 90, lastUsed: null, lastUsedBy: null },
    });
    expect(found[0]!.text).toBe(
      'No recorded read of schema analytics.silver by analysts or any of its 2 members in the last 90 days: a candidate to revoke SELECT.',
    );
    expect(found.every((f) => !/\bunused\b/i.test(f.text))).toBe(true);
  });

  it('gives the last recorded use when it is older than the window', () => {
    const usage = usageIndex([use('ann@hp.com', 'analytics.silver.customers', 'read', 75)]);
    const [f] = unusedGrantFindings([grants[3]!], usage, index, 60, now);
    expect(f!.evidence).toEqual({ days: 60, lastUsed: daysAgo(75).toISOString(), lastUsedBy: 'ann@hp.com' });
    expect(f!.text).toContain('(the last was 75 days ago, by ann@hp.com)');
    expect(unusedGrantFindings([grants[3]!], usage, index, 90, now)).toEqual([]);
  });

  it('does not count someone outside the group, nor a read as a write', () => {
    const usage = usageIndex([use('root@hp.com', 'analytics.silver', 'read', 1), use('app-powerbi', 'analytics.gold', 'read', 1)]);
    const found = unusedGrantFindings(grants.slice(1, 3), usage, index, 90, now);
    expect(found).toHaveLength(2);
  });

  it('says "not collected" when lineage cannot be read, with no fix', () => {
    expect(lineageNotCollected('no SELECT on system.access.table_lineage')).toMatchObject({
      code: 'lineage_not_collected',
      level: 'info',
      fix: null,
      text: expect.stringMatching(/^Not collected: lineage unavailable \(no SELECT/),
    });
  });
});
