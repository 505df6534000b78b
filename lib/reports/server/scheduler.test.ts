// The schedule's tick on a fake clock and a real store: the week missed while the app was down is made at the next
// start, once, however many instances tick; a failed run gives its claim back and the next tick makes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { insertReport } from '@/lib/store/reports';
import { sqliteEngine, type TestStore } from '@/testing/store-engines';
import type { CreateOutcome } from './reports';
import { runScheduleTick, type TickDeps } from './scheduler';

const settings = { cron: '0 6 * * 1', timeZone: 'UTC', webhookUrl: null, appUrl: 'http://localhost:3000' };

describe('the weekly schedule tick', () => {
  let s: TestStore;
  let made: string[];
  beforeEach(async () => {
    s = await sqliteEngine.open();
    made = [];
    vi.useFakeTimers();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await s.cleanup();
  });

  /** Stores a scheduled report for the week, as createReport would. */
  const store = async (week: string): Promise<CreateOutcome> => {
    made.push(week);
    const id = `r-${week}-${made.length}`;
    const out = await insertReport(s.db, {
      id,
      week,
      trigger: 'schedule',
      generatedAt: Date.now(),
      generatedBy: 'schedule',
      missing: 0,
      body: {},
    });
    return out.inserted
      ? ({ stored: true, report: { id } as never, version: out.version } as CreateOutcome)
      : { stored: false, reason: out.reason };
  };
  const tick = (holder: string, create: TickDeps['create'] = store) =>
    runScheduleTick({ db: s.db, ws: {} as Workspace, settings, ownIdentity: null, holder, now: new Date(), create });

  it('makes the week missed while the app was down at the next start, and only once', async () => {
    // Down from Sunday evening to Tuesday noon: Monday 7 December 06:00 never ran.
    vi.setSystemTime(new Date('2026-12-08T12:00:00Z'));
    expect(await tick('a')).toMatchObject({ outcome: 'generated', week: '2026-W49' });
    vi.setSystemTime(new Date('2026-12-08T12:10:00Z'));
    expect(await tick('a')).toEqual({ outcome: 'done', week: '2026-W49' });
    // The next Monday's run owes the next week.
    vi.setSystemTime(new Date('2026-12-14T06:00:00Z'));
    expect(await tick('a')).toMatchObject({ outcome: 'generated', week: '2026-W50' });
    expect(made).toEqual(['2026-W49', '2026-W50']);
  });

  it('lets one of two instances ticking at once make the report', async () => {
    vi.setSystemTime(new Date('2026-12-07T06:00:00Z'));
    let release!: () => void;
    const slow = async (week: string) => {
      await new Promise<void>((r) => (release = r));
      return store(week);
    };
    const first = tick('a', slow);
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    expect(await tick('b')).toEqual({ outcome: 'claimed_elsewhere', week: '2026-W49' });
    release();
    expect(await first).toMatchObject({ outcome: 'generated', week: '2026-W49' });
    expect(made).toEqual(['2026-W49']);
  });

  it('gives the week back when generating fails, so the next tick makes it', async () => {
    vi.setSystemTime(new Date('2026-12-07T06:00:00Z'));
    await expect(tick('a', () => Promise.reject(new Error('No figure could be counted')))).rejects.toThrow('No figure could be counted');
    vi.setSystemTime(new Date('2026-12-07T06:10:00Z'));
    expect(await tick('b')).toMatchObject({ outcome: 'generated', week: '2026-W49' });
  });

  it('stores at most one scheduled report for a week even if a claim was lost (the store decides)', async () => {
    vi.setSystemTime(new Date('2026-12-07T06:00:00Z'));
    await store('2026-W49');
    expect(await store('2026-W49')).toEqual({ stored: false, reason: 'scheduled_exists' });
  });
});
