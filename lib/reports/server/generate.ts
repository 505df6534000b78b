// Generates one weekly report: one round of parallel warehouse queries over both weeks, figures beside the week
// before, notable events, most active actors, sentences — then a snapshot that is stored and never recomputed. A query
// that fails leaves its figures missing with the reason; if every query fails, nothing is stored (the schedule tries
// again; an admin is told why).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SPIKE_OPTIONS, detectSpikes } from '@/lib/audit/rules/spikes';
import { axisOf, denseCounts } from '@/lib/audit/rules/series';
import { HOUR_MS } from '@/lib/audit/rules/range';
import { failedHourlyStatement, withBaseline } from '@/lib/audit/server/failed-auth';
import { AUDIT_UPSTREAM_MESSAGES, runAudit, type AuditStatement } from '@/lib/audit/server/sql';
import type { Db } from '@/lib/store/engine';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { isDatabricksError } from '@/lib/databricks/errors';
import { DomainError } from '@/lib/errors';
import { redactText } from '@/lib/log';
import type { Figure, Report } from '../contract';
import { figure, notCollected, permissionKindFigure, type Counted, type FigureKey } from '../rules/figures';
import { notableEvents, type SpikeHour } from '../rules/notable';
import { summarySentences } from '../rules/sentences';
import { weekWindow, shiftWeek } from '../rules/week';
import { loadPostureInput, type PostureInput, type PostureWeek } from './posture-input';
import {
  activeActorsStatement,
  bulkRevocationsStatement,
  notableCandidatesStatement,
  permissionKindsStatement,
  queryVersion,
  summaryStatement,
  tokensExpiringStatement,
  type ReportWeeks,
  type SummaryRow,
} from './sql';

export interface GenerateInput {
  week: string;
  timeZone: string;
  trigger: Report['trigger'];
  /** 'schedule' or the admin's userName. */
  generatedBy: string;
  /** Brickwatch's own identity, whose secret reads are not counted; null when it has none. */
  ownIdentity: string | null;
  now?: Date;
  /** Where the posture snapshots are read; the process's store when omitted. */
  db?: Db;
}

/** A snapshot before it is stored (the store assigns the version). */
export type ReportDraft = Omit<Report, 'version' | 'deliveries'>;

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Words for why a query failed: the Audit area's wording for Databricks' codes, else the upstream message, redacted. */
export function failureReason(e: unknown): string {
  if (isDatabricksError(e)) {
    const known = (AUDIT_UPSTREAM_MESSAGES as Record<string, string>)[e.errorCode];
    if (known) return known;
    return redactText(`the SQL warehouse answered ${e.errorCode}: ${e.message}`).slice(0, 300);
  }
  return redactText(`the query failed: ${e instanceof Error ? e.message : String(e)}`).slice(0, 300);
}

async function attempt<T>(load: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (e) {
    return { ok: false, reason: failureReason(e) };
  }
}

const SUMMARY_KEYS = [
  'permission_changes',
  'admin_membership_changes',
  'failed_signins',
  'failing_ips',
  'tokens_created',
  'tokens_revoked',
  'tokens_without_expiry',
  'secret_reads',
  'secret_changes',
] as const satisfies readonly (FigureKey & keyof SummaryRow)[];

function postureFigures(p: PostureInput): Figure[] {
  const keys = ['posture_score', 'posture_coverage', 'findings_new', 'findings_resolved'] as const;
  if (p.status === 'not_collected') return keys.map((k) => notCollected(k, p.reason));
  const pick = (k: (typeof keys)[number], w: PostureWeek | null) =>
    w === null
      ? null
      : { posture_score: w.score, posture_coverage: w.coverage, findings_new: w.newFindings, findings_resolved: w.resolvedFindings }[k];
  return keys.map((k) => ({
    ...notCollected(k, ''),
    status: 'ok' as const,
    reason: null,
    value: pick(k, p.current),
    previous: pick(k, p.previous),
  }));
}

export async function generateReport(ws: Workspace, input: GenerateInput): Promise<ReportDraft> {
  const now = input.now ?? new Date();
  const current = weekWindow(input.week, input.timeZone);
  const previous = weekWindow(shiftWeek(input.week, -1), input.timeZone);
  const weeks: ReportWeeks = { current, previous };
  const baselineHours = DEFAULT_SPIKE_OPTIONS.baselineHours;
  const hourlyWindow = withBaseline({ range: 'custom', from: previous.from, to: current.to, bucket: 'hour' }, baselineHours);

  const statements = {
    summary: summaryStatement(weeks, input.ownIdentity),
    kinds: permissionKindsStatement(weeks),
    hourly: failedHourlyStatement(hourlyWindow, {}),
    expiring: tokensExpiringStatement(weeks),
    actors: activeActorsStatement(weeks),
    candidates: notableCandidatesStatement(weeks),
    bulk: bulkRevocationsStatement(weeks),
  } satisfies Record<string, AuditStatement<unknown>>;
  const run = <R>(s: AuditStatement<R>) => attempt(async () => (await runAudit(ws, s)).rows);
  const [summary, kinds, hourly, expiring, actors, candidates, bulk, posture] = await Promise.all([
    run(statements.summary),
    run(statements.kinds),
    run(statements.hourly),
    run(statements.expiring),
    run(statements.actors),
    run(statements.candidates),
    run(statements.bulk),
    loadPostureInput(current, previous, input.db),
  ]);
  const sqlOutcomes = [summary, kinds, hourly, expiring, actors, candidates, bulk];
  if (sqlOutcomes.every((o) => !o.ok)) {
    throw new DomainError('unavailable', 'REPORT_UNAVAILABLE', `No figure could be counted: ${(summary as { reason: string }).reason}`);
  }

  const figures: Figure[] = [];
  const byWeek = summary.ok ? Object.fromEntries(summary.value.map((r) => [r.wk, r])) : {};
  for (const key of SUMMARY_KEYS) {
    const counted: Counted | { error: string } = summary.ok
      ? { value: byWeek.current?.[key] ?? 0, previous: byWeek.previous?.[key] ?? 0 }
      : { error: summary.reason };
    figures.push(figure(key, current, counted));
    if (key === 'permission_changes' && kinds.ok) {
      const services = [...new Set(kinds.value.map((r) => r.service))];
      const of = (wk: string, s: string) => kinds.value.find((r) => r.wk === wk && r.service === s)?.changes ?? 0;
      for (const s of services) figures.push(permissionKindFigure(s, current, { value: of('current', s), previous: of('previous', s) }));
    }
  }

  // Spikes are judged over hours with a week of baseline before them, for both weeks.
  let spikes: SpikeHour[] = [];
  if (hourly.ok) {
    const axis = axisOf(hourlyWindow);
    const counts = denseCounts(
      axis,
      hourly.value.map((r) => ({ bucket: r.bucket, count: r.events })),
    );
    const markers = detectSpikes(counts, {}, baselineHours).map((m) => ({
      at: new Date(axis.start + m.index * HOUR_MS),
      count: m.count,
      baseline: m.baseline,
    }));
    const inWeek = (w: { from: Date; to: Date }) => markers.filter((m) => m.at >= w.from && m.at < w.to);
    spikes = inWeek(current);
    figures.push(figure('signin_spikes', current, { value: spikes.length, previous: inWeek(previous).length }));
  } else figures.push(figure('signin_spikes', current, { error: hourly.reason }));
  figures.push(
    figure(
      'tokens_expiring_next_week',
      current,
      expiring.ok ? { value: expiring.value[0]?.current ?? 0, previous: expiring.value[0]?.previous ?? 0 } : { error: expiring.reason },
    ),
  );
  figures.push(...postureFigures(posture));

  const gaps: string[] = [];
  if (!candidates.ok) gaps.push(`Notable events could not be read: ${candidates.reason}`);
  if (!bulk.ok) gaps.push(`Bulk revocations could not be read: ${bulk.reason}`);
  if (!actors.ok) gaps.push(`The most active actors could not be read: ${actors.reason}`);
  const notable = notableEvents(current, {
    candidates: candidates.ok
      ? candidates.value.map((r) => ({
          micros: r.event_us,
          eventId: r.event_id,
          time: r.event_time,
          service: r.service_name,
          action: r.action_name,
          actor: r.actor,
          params: r.request_params,
        }))
      : [],
    spikes,
    bulkRevocations: bulk.ok ? bulk.value : [],
  });

  return {
    id: randomUUID(),
    week: input.week,
    generatedAt: now.toISOString(),
    generatedBy: input.generatedBy,
    trigger: input.trigger,
    timeZone: input.timeZone,
    window: { from: current.from.toISOString(), to: current.to.toISOString() },
    previousWindow: { from: previous.from.toISOString(), to: previous.to.toISOString() },
    actingAs: ws.actingAs.name,
    queryVersions: Object.fromEntries(Object.values(statements).map((s) => [s.query.name, queryVersion(s)])),
    figures,
    sentences: [...summarySentences(figures), ...gaps],
    notable,
    actors: actors.ok ? actors.value : [],
  };
}
