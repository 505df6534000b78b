// The weekly schedule, in this process: croner fires at the configured time, and a catch-up tick (at start and every
// few minutes) makes up a run that was missed while the app was down or that failed. Every tick asks the same
// question — does the week the schedule owes have its scheduled report? — and only the instance that claims the
// week (claimPeriod) generates it, so two instances make one report. Runs as the background identity; off without one.
import 'server-only';
import { Cron } from 'croner';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { instanceId, processSingleton } from '@/lib/singleton';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { hasScheduledReport } from '@/lib/store/reports';
import { claimPeriod, releasePeriod } from '@/lib/store/schedule';
import { claimPeriodFor, scheduledWeekDue } from '../rules/schedule';
import { createReport, ownIdentity, reportSettings, type CreateOutcome, type ReportSettings } from './reports';

export const REPORT_JOB = 'reports.weekly';
const CATCH_UP_MS = 10 * 60_000;

export type TickResult =
  | { outcome: 'idle' }
  | { outcome: 'done'; week: string }
  | { outcome: 'claimed_elsewhere'; week: string }
  | { outcome: 'generated'; week: string; id: string };

export interface TickDeps {
  db: Db;
  ws: Workspace;
  settings: ReportSettings;
  ownIdentity: string | null;
  holder: string;
  now: Date;
  /** Makes and stores the report (createReport unless a test says otherwise). */
  create?: (week: string) => Promise<CreateOutcome>;
}

/** One tick: generates the week the schedule owes if nobody has; gives the claim back when generation fails. */
export async function runScheduleTick(d: TickDeps): Promise<TickResult> {
  const week = scheduledWeekDue(d.settings.cron, d.settings.timeZone, d.now);
  if (!week) return { outcome: 'idle' };
  if (await hasScheduledReport(d.db, week)) return { outcome: 'done', week };
  const period = claimPeriodFor(week, d.now);
  if (!(await claimPeriod(d.db, REPORT_JOB, period, d.holder, d.now.getTime()))) return { outcome: 'claimed_elsewhere', week };
  try {
    const create =
      d.create ??
      ((w: string) =>
        createReport(
          d.db,
          d.ws,
          d.settings,
          { week: w, trigger: 'schedule', generatedBy: 'schedule', ownIdentity: d.ownIdentity, now: d.now },
          'await',
        ));
    const created = await create(week);
    return created.stored ? { outcome: 'generated', week, id: created.report.id } : { outcome: 'done', week };
  } catch (e) {
    await releasePeriod(d.db, REPORT_JOB, period, d.holder);
    throw e;
  }
}

/** Starts the schedule in this process (once); a no-op without a background identity. */
export function startReportScheduler(): void {
  processSingleton('report-scheduler', () => {
    const config = getConfig();
    const ws = getBackgroundWorkspace(config);
    if (!ws) {
      log.info('reports.schedule_off', { reason: 'no background identity (user mode without DATABRICKS_CLIENT_ID/_SECRET)' });
      return null;
    }
    const settings = reportSettings(config);
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      ownIdentity(config, ws)
        .then((own) => runScheduleTick({ db: getDb(), ws, settings, ownIdentity: own, holder: instanceId(), now: new Date() }))
        .then((r) => {
          if (r.outcome === 'generated') log.info('reports.generated', { week: r.week, report: r.id, trigger: 'schedule' });
        })
        .catch((e: unknown) => log.warn('reports.schedule_failed', { error: e }))
        .finally(() => {
          running = false;
        });
    };
    const job = new Cron(settings.cron, { timezone: settings.timeZone, unref: true, name: REPORT_JOB }, tick);
    const timer = setInterval(tick, CATCH_UP_MS);
    timer.unref();
    tick();
    return { job, timer };
  });
}
