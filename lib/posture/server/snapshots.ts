// Snapshots of the score and coverage for the trend line. Each snapshot also tells which high-severity findings are new
// since the identity's previous one (rules/alerts.ts); delivering them (the webhook of weekly reports) is wired where
// that delivery lives: takeSnapshot returns them. Daily snapshots are taken as the background identity (worker.ts); without one (user mode without a service
// principal) the first view of the day by each person takes one as that person. An admin's evaluation always takes one.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { getConfig, type AppConfig } from '@/lib/config';
import { getBackgroundWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { instanceId, processSingleton } from '@/lib/singleton';
import { getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import {
  insertSnapshot,
  latestSnapshot,
  listSnapshots,
  pruneSnapshots,
  type Snapshot,
  type SnapshotCause,
} from '@/lib/store/posture-snapshots';
import { claimPeriod, releasePeriod } from '@/lib/store/schedule';
import { TREND_DAYS, type Trend } from '@/lib/posture/contract';
import { newHighSeverityFindings, snapshotState, type NewFindings } from '@/lib/posture/rules/alerts';
import { openEvidence, utcDay } from '@/lib/posture/rules/exceptions';
import { alertNewFindings } from './alerts';
import type { Evaluation } from './evaluate';
import { evaluatePosture } from './evaluate';

const DAY_MS = 86_400_000;
/** A year of points is kept; the page shows the last TREND_DAYS. */
const KEEP_MS = 366 * DAY_MS;

export interface SnapshotOptions {
  cause: SnapshotCause;
  /** The admin who asked, for `admin`. */
  takenBy?: string | null;
  now?: number;
  db?: Db;
  /** Where new high-severity findings are posted (its reports webhook); the process's configuration unless a store is given. */
  config?: AppConfig | null;
}

export interface TakenSnapshot {
  snapshot: Snapshot;
  /** High-severity findings new since this identity's previous snapshot (none for its first). */
  newFindings: NewFindings[];
}

/** Stores a snapshot of `ev`, and tells which high-severity findings are new since the identity's previous one. */
export async function takeSnapshot(ws: Workspace, ev: Evaluation, opts: SnapshotOptions): Promise<TakenSnapshot> {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const current = ev.view.checks.map((c) => {
    const raw = ev.raw.find((r) => r.id === c.id)!;
    return { id: c.id, title: c.title, severity: c.severity, status: c.status, open: openEvidence(raw, ev.exceptions, now) };
  });
  const previous = await latestSnapshot(db, ws.actingAs.name);
  const snapshot: Snapshot = {
    id: randomUUID(),
    takenAt: now,
    cause: opts.cause,
    identity: ws.actingAs.name,
    takenBy: opts.takenBy ?? null,
    score: ev.view.score,
    measured: ev.view.coverage.measured,
    total: ev.view.coverage.total,
    accepted: ev.view.accepted,
    checks: Object.fromEntries(current.map((c) => [c.id, snapshotState(c)])),
  };
  await insertSnapshot(db, snapshot);
  await pruneSnapshots(db, now - KEEP_MS);
  const newFindings = newHighSeverityFindings(previous?.checks ?? null, current);
  if (newFindings.length) {
    log.info('posture.new_high_severity_findings', { identity: snapshot.identity, checks: newFindings.map((f) => f.checkId) });
    const config = opts.config !== undefined ? opts.config : opts.db === undefined ? getConfig() : null;
    if (config) alertNewFindings(db, config, snapshot.id, newFindings);
  }
  return { snapshot, newFindings };
}

export const DAILY_JOB = 'posture-daily-snapshot';

/** (job, day) pairs this process knows are taken, for the process's own store only; old days are dropped as new ones come. */
const takenDays = processSingleton('posture-taken-days', () => new Set<string>());

function rememberTaken(known: string, period: string): void {
  for (const k of takenDays) if (!k.endsWith(`|${period}`)) takenDays.delete(k);
  takenDays.add(known);
}

/**
 * The day's snapshot, taken once per day across every instance: by the background identity, or (viewer mode) by each
 * person on their first view of the day. null when this day's is taken already (here or elsewhere).
 */
export async function snapshotIfDue(
  ws: Workspace,
  cause: 'daily' | 'viewer',
  opts: { now?: number; db?: Db; evaluation?: Evaluation } = {},
) {
  const db = opts.db ?? getDb();
  const now = opts.now ?? Date.now();
  const job = cause === 'daily' ? DAILY_JOB : `${DAILY_JOB}:${ws.actingAs.name}`;
  const period = utcDay(now);
  // Every view in viewer mode asks; once the day is known taken, this process stops asking the store.
  const known = `${job}|${period}`;
  if (opts.db === undefined && takenDays.has(known)) return null;
  if (!(await claimPeriod(db, job, period, instanceId(), now))) {
    if (opts.db === undefined) rememberTaken(known, period);
    return null;
  }
  try {
    const ev = opts.evaluation ?? (await evaluatePosture(ws, { db, now }));
    const taken = await takeSnapshot(ws, ev, { cause, now, db });
    if (opts.db === undefined) rememberTaken(known, period);
    return taken;
  } catch (e) {
    await releasePeriod(db, job, period, instanceId());
    throw e;
  }
}

/** After a person's view in viewer mode: the day's snapshot as them, without holding up the answer. */
export function viewerSnapshotInBackground(ws: Workspace, ev: Evaluation, config: AppConfig = getConfig()): void {
  if (config.backgroundAuth !== null) return;
  snapshotIfDue(ws, 'viewer', { evaluation: ev }).catch((e: unknown) => log.warn('posture.viewer_snapshot_failed', { error: e }));
}

/** The trend as `ws` may see it: in user mode only the background identity's snapshots and the viewer's own. */
export async function loadTrend(ws: Workspace, config: AppConfig = getConfig(), now = Date.now(), db: Db = getDb()): Promise<Trend> {
  const background = getBackgroundWorkspace(config);
  const identities =
    ws.mode === 'user' ? [...new Set([background?.actingAs.name, ws.actingAs.name].filter((n): n is string => !!n))] : undefined;
  const points = await listSnapshots(db, now - TREND_DAYS * DAY_MS, identities);
  return {
    points: points.map(({ id: _id, ...p }) => p),
    schedule: background ? { kind: 'background', identity: background.actingAs.name } : { kind: 'viewer', identity: null },
  };
}

/** An admin's "Evaluate now": every check read afresh, a snapshot taken, the attempt in the action log. */
export async function evaluateNow(ctx: ActionContext): Promise<Evaluation> {
  const db = ctx.db ?? getDb();
  try {
    const ev = await evaluatePosture(ctx.ws, { fresh: true, db, logKey: ctx.logKey });
    const { snapshot, newFindings } = await takeSnapshot(ctx.ws, ev, { cause: 'admin', takenBy: ctx.person.userName, db });
    await recordAction(ctx, 'posture.evaluate', 'posture:workspace', 'success', {
      score: snapshot.score,
      measured: snapshot.measured,
      total: snapshot.total,
      accepted: snapshot.accepted,
      newHighSeverity: newFindings.reduce((n, f) => n + f.items.length, 0),
    });
    return ev;
  } catch (e) {
    await recordAction(ctx, 'posture.evaluate', 'posture:workspace', 'failure', { error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
}
