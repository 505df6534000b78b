// Seeds 90 days of system.access.table_lineage from the estate: jobs (as their run-as identity), notebooks and
// dashboards (people), and service principals' pipelines, following catalog-lineage-story.ts at every scale and
// the project catalogs at large scale. Every pattern is checked against the grants with the same privilege model the
// warehouse enforces (USE CATALOG, USE SCHEMA, SELECT to read; MODIFY to write), so nobody reads what they cannot
// read; a job with one forbidden step leaves no lineage at all (it fails), nor does a paused one. Windows never start before the table,
// the job or the person existed. Expanded in DuckDB by catalog-lineage-sql.ts.
import { createHash } from 'node:crypto';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { METASTORE_ID } from '../uc/grants';
import { principalSet } from '../uc/principals';
import type { PrivilegeModel } from '../uc/privileges';
import { type Structure, changed, privilegeModel, structure } from '../uc/store';
import type { GrantPeople } from './catalog-grants';
import { type LineagePattern, insertLineage } from './catalog-lineage-sql';
import { DASHBOARDS, JOB_FLOWS, SP_WORKLOADS, TEAM_INTERESTS } from './catalog-lineage-story';
import { projectPatterns } from './catalog-lineage-large';
import { DAY_MS } from './random';

const WINDOW = 89;
const WORK_HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

export interface Actor {
  name: string;
  groups: string[];
  active: boolean;
  ageDays: number;
}

export interface LineageJob {
  jobId: string;
  name: string;
  runAs: string;
  ageDays: number;
  hour: number;
  minute: number;
}

/** What the pattern builders need: the grants, ages and a stable hash. */
export class LineageContext {
  readonly patterns: LineagePattern[] = [];
  private readonly groups = new Set<string>();

  constructor(
    readonly st: Structure,
    private readonly model: PrivilegeModel,
    readonly actors: Map<string, Actor>,
    private readonly tableAges: Map<string, number>,
    readonly jobs: LineageJob[],
    private readonly seed: number,
  ) {}

  /** A stable integer in [0, n) for the given key parts. */
  h(n: number, ...parts: Array<string | number>): number {
    const digest = createHash('md5')
      .update(`${this.seed}:${parts.join(':')}`)
      .digest();
    return digest.readUInt32BE(0) % n;
  }

  private allowed(who: string, table: string, privilege: 'SELECT' | 'MODIFY'): boolean {
    const t = this.st.tables.get(table);
    const actor = this.actors.get(who);
    if (!t || !actor?.active) return false;
    const principals = principalSet({ name: who, groups: actor.groups });
    return this.model.missingForUse({ type: 'table', fullName: table, kind: t.kind }, principals, privilege) === null;
  }

  /** The newest of the window's limits: 89 days, the actor's age and every table's age (minus one day). */
  firstDay(who: string, tables: string[], extra = WINDOW): number {
    const ages = tables.map((t) => (this.tableAges.get(t) ?? 0) - 1);
    return Math.min(WINDOW, extra, (this.actors.get(who)?.ageDays ?? 0) - 1, ...ages);
  }

  /** Adds the records of one run (all or nothing): sources feed the target, or are read alone when there is none. */
  addRun(
    p: Omit<LineagePattern, 'source' | 'target' | 'sourcePath' | 'targetPath' | 'firstDay'> & {
      sources: string[];
      target?: string;
      sourcePath?: string;
      targetPath?: string;
      firstDay?: number;
    },
  ): boolean {
    const { sources, target, sourcePath, targetPath, firstDay: cap, ...rest } = p;
    const who = p.createdBy;
    if (!sources.every((s) => this.allowed(who, s, 'SELECT'))) return false;
    if (target && !this.allowed(who, target, 'MODIFY')) return false;
    const firstDay = Math.min(cap ?? WINDOW, this.firstDay(who, [...sources, ...(target ? [target] : [])]));
    if (firstDay < p.lastDay) return false;
    const base = { ...rest, firstDay, target: target ?? null, targetPath: targetPath ?? null };
    const records: LineagePattern[] = sources.map((source) => ({ ...base, source, sourcePath: null }));
    if (sourcePath) records.push({ ...base, source: null, sourcePath });
    if (!records.length) records.push({ ...base, source: null, sourcePath: null });
    this.patterns.push(...records);
    this.groups.add(p.group);
    return true;
  }

  /** Whether a run with this group key was already added (a job has one flow). */
  has(group: string): boolean {
    return this.groups.has(group);
  }

  notebookId(...parts: string[]): string {
    return String(1_000_000_000_000_000 + this.h(900_000_000, 'nb', ...parts) * 1_000_000 + this.h(1_000_000, 'nb2', ...parts));
  }

  dashboardId(name: string): string {
    return `01ef${createHash('md5').update(`dashboard:${name}:${this.seed}`).digest('hex').slice(0, 28)}`;
  }

  /** Active members of a group, in a stable order. */
  members(group: string): string[] {
    return [...this.actors.values()]
      .filter((a) => a.active && a.groups.includes(group) && a.name.includes('@'))
      .map((a) => a.name)
      .sort();
  }
}

function storyPatterns(ctx: LineageContext, people: GrantPeople): void {
  for (const w of SP_WORKLOADS) {
    ctx.addRun({
      createdBy: people.sp[w.sp],
      entityType: null,
      entityId: null,
      group: `sp:${w.sp}:${w.source ?? w.sourcePath}:${w.target ?? ''}`,
      sources: w.source ? [w.source] : [],
      sourcePath: w.sourcePath,
      target: w.target,
      hours: w.hours,
      minute: w.minute,
      weekdaysOnly: w.weekdaysOnly ?? false,
      permille: w.permille,
      lastDay: 0,
    });
  }
  for (const job of ctx.jobs) {
    const subject = job.name.replace(/-\d+$/, '');
    const flow = JOB_FLOWS[subject];
    // Large estates have thousands of jobs; the demo tables' flows belong to the first two of each subject.
    const copy = Number(/-(\d+)$/.exec(job.name)?.[1] ?? 0);
    if (!flow || copy > 1) continue;
    ctx.addRun({
      createdBy: job.runAs,
      entityType: 'JOB',
      entityId: job.jobId,
      group: `job:${job.jobId}`,
      ...flow,
      hours: [job.hour],
      minute: job.minute,
      weekdaysOnly: false,
      permille: 985,
      firstDay: job.ageDays - 1,
      lastDay: 0,
    });
  }
  for (const d of DASHBOARDS) {
    const owners = ctx.members(d.ownerGroup);
    for (let i = 0; i < owners.length; i++) {
      const owner = owners[(ctx.h(owners.length, 'dash', d.name) + i) % owners.length] as string;
      const id = ctx.dashboardId(d.name);
      const base = { createdBy: owner, entityType: 'DASHBOARD_V3' as const, entityId: id, group: `dash:${id}`, lastDay: 0 };
      if (ctx.addRun({ ...base, sources: d.sources, hours: [d.hour], minute: 45, weekdaysOnly: true, permille: 1000 })) break;
    }
  }
  // One analyst corrected premium figures by hand twice; contractors looked at candidates once, long ago.
  for (const day of [41, 12]) {
    ctx.addRun({
      createdBy: people.goldWriter,
      entityType: 'NOTEBOOK',
      entityId: ctx.notebookId(people.goldWriter, 'premium-fix'),
      group: `fix:${day}`,
      sources: [],
      target: 'analytics.gold.premium_by_region',
      hours: [15],
      minute: 20,
      weekdaysOnly: false,
      permille: 1000,
      firstDay: day,
      lastDay: day,
    });
  }
  const contractor = ctx.members('contractors').find((c) => c !== people.vendorReader) ?? people.vendorReader;
  ctx.addRun({
    createdBy: contractor,
    entityType: 'NOTEBOOK',
    entityId: ctx.notebookId(contractor, 'candidates'),
    group: 'contractor:candidates',
    sources: ['hr.recruiting.candidates'],
    hours: [10, 14],
    minute: 5,
    weekdaysOnly: true,
    permille: 700,
    firstDay: 79,
    lastDay: 73,
  });
}

/** People read what their teams work on, from notebooks, on working days; a few stopped some weeks ago. */
function notebookPatterns(ctx: LineageContext): void {
  for (const actor of ctx.actors.values()) {
    if (!actor.active || !actor.name.includes('@')) continue;
    const tables = [...new Set(actor.groups.flatMap((g) => TEAM_INTERESTS[g] ?? []))];
    const activity = 60 + ctx.h(340, 'activity', actor.name);
    const stopped = ctx.h(100, 'stopped', actor.name) < 12 ? 10 + ctx.h(50, 'stop', actor.name) : 0;
    for (const table of tables) {
      if (ctx.h(100, 'interest', actor.name, table) >= 70) continue;
      ctx.addRun({
        createdBy: actor.name,
        entityType: 'NOTEBOOK',
        entityId: ctx.notebookId(actor.name, table.split('.')[0] as string),
        group: `nb:${actor.name}:${table}`,
        sources: [table],
        hours: [WORK_HOURS[ctx.h(WORK_HOURS.length, 'hour', actor.name, table)] as number],
        minute: ctx.h(60, 'minute', actor.name, table),
        weekdaysOnly: true,
        permille: activity,
        lastDay: stopped,
      });
    }
  }
}

async function loadContext(db: SimDb, estate: Estate, opts: SeedOptions): Promise<LineageContext> {
  changed(db, 'all');
  const [st, model] = await Promise.all([structure(db), privilegeModel(db)]);
  const now = opts.now.getTime();
  const age = (t: unknown) => Math.floor((now - (t instanceof Date ? t.getTime() : Number(t))) / DAY_MS);
  const tables = await db.all<{ full_name: string; created_at: Date }>(
    "SELECT catalog_name || '.' || schema_name || '.' || table_name AS full_name, created_at FROM uc_meta.tables",
  );
  const created = new Map(
    (await db.all<{ name: string; created_at: bigint }>('SELECT name, created_at FROM ws.principals')).map((r) => [r.name, r.created_at]),
  );
  const actors = new Map<string, Actor>();
  for (const p of [
    ...estate.people.map((x) => ({ ...x, name: x.userName })),
    ...estate.servicePrincipals.map((x) => ({ ...x, name: x.applicationId })),
  ]) {
    actors.set(p.name, { name: p.name, groups: p.groups, active: p.active, ageDays: age(created.get(p.name) ?? now - 365 * DAY_MS) });
  }
  const jobRows = await db.all<{ job_id: bigint; name: string; created_time: bigint; run_as: string; cron: string; pause: string }>(
    `SELECT job_id, name, created_time, json_extract_string(doc, '$.run_as_user_name') AS run_as,
       json_extract_string(doc, '$.settings.schedule.quartz_cron_expression') AS cron,
       json_extract_string(doc, '$.settings.schedule.pause_status') AS pause FROM ws.jobs ORDER BY job_id`,
  );
  // A paused job does not run, so it reads and writes nothing (the audit history has no runs of it either).
  const jobs = jobRows
    .filter((r) => r.pause !== 'PAUSED')
    .map((r) => {
      const [, minute, hour] = String(r.cron ?? '0 0 3').split(' ');
      return {
        jobId: String(r.job_id),
        name: r.name,
        runAs: r.run_as,
        ageDays: age(r.created_time),
        hour: Number(hour) || 0,
        minute: Number(minute) || 0,
      };
    });
  return new LineageContext(st, model, actors, new Map(tables.map((t) => [t.full_name, age(t.created_at)])), jobs, opts.seed);
}

export async function seedLineage(db: SimDb, estate: Estate, opts: SeedOptions, people: GrantPeople): Promise<number> {
  const ctx = await loadContext(db, estate, opts);
  storyPatterns(ctx, people);
  notebookPatterns(ctx);
  if (opts.scale === 'large') projectPatterns(ctx);
  await db.withConnection((c) =>
    insertLineage(c, ctx.patterns, {
      seed: opts.seed,
      now: opts.now,
      accountId: estate.accountId,
      workspaceId: estate.workspaceId,
      metastoreId: METASTORE_ID,
    }),
  );
  return ctx.patterns.length;
}
