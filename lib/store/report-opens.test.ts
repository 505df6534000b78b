import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { recordReportOpen, reportsReadSince } from './report-opens';
import { insertReport } from './reports';

const DAY = 86_400_000;
const T0 = 1_796_000_000_000;

describe.each(STORE_ENGINES)('who opened a weekly report, on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  const stored = (id: string, week: string, generatedAt: number) =>
    insertReport(s.db, { id, week, trigger: 'schedule', generatedAt, generatedBy: 'schedule', missing: 0, body: { week } });

  it('keeps each person’s first open and names the first reader of each report generated since a time', async () => {
    await stored('old', '2026-W40', T0 - 30 * DAY);
    await stored('w48', '2026-W48', T0 - 2 * DAY);
    await stored('w49', '2026-W49', T0 - DAY);
    await recordReportOpen(s.db, 'w48', 'daniel.okafor@harborpine.com', T0 - DAY);
    await recordReportOpen(s.db, 'w48', 'priya.shah@harborpine.com', T0 - 2 * DAY + 5);
    // A second open by the same person keeps the first time.
    await recordReportOpen(s.db, 'w48', 'priya.shah@harborpine.com', T0);
    expect(await reportsReadSince(s.db, T0 - 7 * DAY)).toEqual([
      { id: 'w49', generatedAt: T0 - DAY, openedAt: null, openedBy: null },
      { id: 'w48', generatedAt: T0 - 2 * DAY, openedAt: T0 - 2 * DAY + 5, openedBy: 'priya.shah@harborpine.com' },
    ]);
  });
});
