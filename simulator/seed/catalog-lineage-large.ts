// Lineage of the large estate's project catalogs (catalog-large.ts): each project group owns its catalog, so its
// members read a few of its tables from notebooks and the jobs that run as them move data from the raw and staging
// schemas to curated and reports. Jobs run as service principals or people outside any project touch no project
// table. The same grant check as everywhere applies (LineageContext.addRun).
import type { LineageContext } from './catalog-lineage';

const WORK_HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

export function projectPatterns(ctx: LineageContext): void {
  const bySchema = new Map<string, string[]>();
  for (const t of ctx.st.tables.values()) {
    if (!t.catalog.startsWith('project_')) continue;
    const key = `${t.catalog}.${t.schema}`;
    bySchema.set(key, [...(bySchema.get(key) ?? []), t.fullName]);
  }
  bySchema.forEach((list) => list.sort());
  const catalogOf = new Map<string, string>();
  for (const [name, info] of ctx.st.catalogs) if (name.startsWith('project_')) catalogOf.set(info.owner, name);
  const pick = (schema: string, ...key: string[]) => {
    const list = bySchema.get(schema) ?? [];
    return list.length ? (list[ctx.h(list.length, ...key)] as string) : null;
  };

  for (const actor of ctx.actors.values()) {
    if (!actor.active) continue;
    const catalog = actor.groups.map((g) => catalogOf.get(g)).find((c) => c !== undefined);
    if (!catalog) continue;
    const count = 2 + ctx.h(3, 'count', actor.name);
    for (let i = 0; i < count; i++) {
      const schema = ['curated', 'reports', 'features', 'staging'][ctx.h(4, 'schema', actor.name, i)] as string;
      const table = pick(`${catalog}.${schema}`, 'read', actor.name, String(i));
      if (!table) continue;
      ctx.addRun({
        createdBy: actor.name,
        entityType: 'NOTEBOOK',
        entityId: ctx.notebookId(actor.name, catalog),
        group: `nb:${actor.name}:${table}`,
        sources: [table],
        hours: [WORK_HOURS[ctx.h(WORK_HOURS.length, 'hour', actor.name, table)] as number],
        minute: ctx.h(60, 'minute', actor.name, table),
        weekdaysOnly: true,
        permille: 80 + ctx.h(320, 'activity', actor.name),
        lastDay: ctx.h(100, 'stopped', actor.name) < 10 ? 10 + ctx.h(50, 'stop', actor.name) : 0,
      });
    }
  }

  for (const job of ctx.jobs) {
    const runAs = ctx.actors.get(job.runAs);
    const catalog = runAs?.groups.map((g) => catalogOf.get(g)).find((c) => c !== undefined);
    if (!catalog || ctx.has(`job:${job.jobId}`)) continue;
    const sources = [pick(`${catalog}.raw`, 'src1', job.jobId), pick(`${catalog}.staging`, 'src2', job.jobId)].filter(
      (s): s is string => s !== null,
    );
    const target = pick(`${catalog}.${ctx.h(2, 'tgt', job.jobId) ? 'curated' : 'reports'}`, 'target', job.jobId);
    if (!target) continue;
    ctx.addRun({
      createdBy: job.runAs,
      entityType: 'JOB',
      entityId: job.jobId,
      group: `job:${job.jobId}`,
      sources,
      target,
      hours: [job.hour],
      minute: job.minute,
      weekdaysOnly: false,
      permille: 985,
      firstDay: job.ageDays - 1,
      lastDay: 0,
    });
  }
}
