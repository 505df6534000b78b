import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { getReportRow, hasScheduledReport, insertReport, listReportRows, type ReportInsert } from './reports';
import { deliveriesFor, recordDelivery } from './webhook-deliveries';

const T0 = 1_796_000_000_000;
let n = 0;
const report = (week: string, trigger: ReportInsert['trigger'], by = 'schedule'): ReportInsert => ({
  id: `r${++n}`,
  week,
  trigger,
  generatedAt: T0 + n,
  generatedBy: by,
  missing: 0,
  body: { week, figures: [{ key: 'failed_signins', value: 3, previous: 1 }] },
});

describe.each(STORE_ENGINES)('weekly reports on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('keeps one scheduled report per week, and regenerations as new versions beside it', async () => {
    expect(await insertReport(s.db, report('2026-W48', 'schedule'))).toEqual({ inserted: true, version: 1 });
    expect(await insertReport(s.db, report('2026-W48', 'schedule'))).toEqual({ inserted: false, reason: 'scheduled_exists' });
    expect(await insertReport(s.db, report('2026-W48', 'on_demand', 'alex.morgan@harborpine.com'))).toEqual({ inserted: true, version: 2 });
    expect(await insertReport(s.db, report('2026-W47', 'on_demand', 'alex.morgan@harborpine.com'))).toEqual({ inserted: true, version: 1 });
    expect(await hasScheduledReport(s.db, '2026-W48')).toBe(true);
    expect(await hasScheduledReport(s.db, '2026-W47')).toBe(false);
    const list = await listReportRows(s.db);
    expect(list.map((r) => [r.week, r.version, r.trigger])).toEqual([
      ['2026-W48', 2, 'on_demand'],
      ['2026-W48', 1, 'schedule'],
      ['2026-W47', 1, 'on_demand'],
    ]);
  });

  it('refuses a second scheduled row for a week at the database, whatever the code does', async () => {
    await insertReport(s.db, report('2026-W48', 'schedule'));
    await expect(
      s.db.run(
        "INSERT INTO reports (id, week, version, trigger, generated_at, generated_by, missing, body) VALUES ('x', '2026-W48', 9, 'schedule', 1, 'schedule', 0, '{}')",
      ),
    ).rejects.toThrow();
  });

  it('never changes or removes a stored report', async () => {
    const r = report('2026-W48', 'schedule');
    await insertReport(s.db, r);
    await expect(s.db.run("UPDATE reports SET body = '{}' WHERE id = ?", [r.id])).rejects.toThrow(/immutable/);
    await expect(s.db.run('DELETE FROM reports WHERE id = ?', [r.id])).rejects.toThrow(/immutable/);
    expect(JSON.parse((await getReportRow(s.db, r.id))!.body)).toEqual(r.body);
  });

  it('records webhook deliveries per subject', async () => {
    await recordDelivery(s.db, {
      id: 'd1',
      subject: 'report:r1',
      target: 'https://hooks.slack.com/…',
      outcome: 'failed',
      attempts: 4,
      status: 503,
      error: 'the receiver answered HTTP 503',
      at: T0,
    });
    await recordDelivery(s.db, {
      id: 'd2',
      subject: 'report:r1',
      target: 'https://hooks.slack.com/…',
      outcome: 'delivered',
      attempts: 1,
      status: 200,
      error: null,
      at: T0 + 1,
    });
    expect((await deliveriesFor(s.db, 'report:r1')).map((d) => [d.outcome, d.attempts, d.status])).toEqual([
      ['failed', 4, 503],
      ['delivered', 1, 200],
    ]);
    expect(await deliveriesFor(s.db, 'report:other')).toEqual([]);
  });
});
