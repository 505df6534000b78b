// Seeds the Workspace API's tree: folders, notebooks, Git folders, files and libraries, their permissions, and
// the audit history of notebooks created since the history's first day (notebook.createNotebook, so the creator of a
// recent notebook can be found as on a real workspace). Demo: about 300 notebooks; large: exactly 20,000.
import { createAuditSink } from '../audit/sink';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { bulkInsert, type Cell } from '../store/bulk';
import { parentOf, WorkspaceObjects, type WsRow } from '../store/workspace-objects';
import { fileContent, languageOf } from './notebook-content';
import { fixedPlan, PERSONA, PIPELINES_REPO, type FixedObject } from './notebooks-fixed';
import { historyStart } from './audit-history';
import { nextDay } from './lifecycle';
import { homeObjects, teamOf, type HomeObject, type Person } from './notebooks-homes';
import { DAY_MS, Rng } from './random';

export const NOTEBOOK_TOTAL = { demo: 300, large: 20_000 } as const;

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const HOUR_MS = 3_600_000;

interface Planned {
  path: string;
  type: WsRow['type'];
  spec?: string;
  file?: string;
  repo?: WsRow['repo'];
  creator: string | null;
  analysis?: boolean;
}

export async function seedNotebooks(db: SimDb, estate: Estate, opts: SeedOptions): Promise<{ notebooks: number; objects: number }> {
  const now = opts.now.getTime();
  const rng = new Rng(opts.seed ^ 0x0b0e_b00c);
  const created = new Map(
    (await db.all<{ name: string; t: number }>("SELECT name, CAST(created_at AS DOUBLE) AS t FROM ws.principals WHERE kind = 'user'")).map(
      (r) => [r.name, r.t],
    ),
  );
  const people: Person[] = estate.people.map((p) => ({ ...p, createdAt: created.get(p.userName) ?? now - 400 * DAY_MS }));
  const byUser = new Map(people.map((p) => [p.userName, p]));
  const fixed = fixedPlan(opts.scale, opts.seed);

  const teams = new Map<string, Person[]>();
  const creatorOf = (o: FixedObject): string => {
    if ('user' in o.owner) return o.owner.user;
    const team = (o.owner as { team: string }).team;
    if (!teams.has(team)) {
      const members = people.filter((p) => p.active && p.groups.includes(team));
      teams.set(team, members.length ? members : people.filter((p) => p.active));
    }
    return rng.pick(teams.get(team) as Person[]).userName;
  };
  const planned: Planned[] = fixed.objects.map((o) => ({ ...o, creator: creatorOf(o) }));
  const taken = new Set(planned.map((p) => p.path));
  const fixedNotebooks = planned.filter((p) => p.type === 'NOTEBOOK').length;
  const homes: HomeObject[] = homeObjects(rng, people, NOTEBOOK_TOTAL[opts.scale] - fixedNotebooks, taken);
  planned.push(...homes);

  const rows = new Map<string, WsRow>();
  const ids = new Set<number>();
  const newId = () => {
    let id: number;
    do id = rng.int(1_000, 4_499) * 1_000_000_000_000 + rng.int(0, 999_999) * 1_000_000 + rng.int(0, 999_999);
    while (ids.has(id));
    ids.add(id);
    return id;
  };
  const node = (path: string, type: WsRow['type']): WsRow => ({
    id: newId(),
    path,
    type,
    language: null,
    createdAt: null,
    modifiedAt: null,
    creator: null,
    spec: null,
    size: null,
    repo: null,
    content: null,
  });
  const ensureDir = (path: string) => {
    for (let p: string | null = path; p !== null && !rows.has(p); p = parentOf(p)) rows.set(p, node(p, 'DIRECTORY'));
  };
  for (const dir of ['/Users', '/Shared', '/Repos']) ensureDir(dir);
  for (const p of people) ensureDir(`/Users/${p.userName}`);

  for (const o of planned) {
    const existing = rows.get(o.path);
    if (existing) throw new Error(`Seed plan places two objects at ${o.path} (${existing.type}, ${o.type})`);
    ensureDir(parentOf(o.path) as string);
    const row = node(o.path, o.type);
    row.creator = o.creator;
    row.repo = o.repo ?? null;
    if (o.type === 'NOTEBOOK' || o.type === 'FILE') {
      const [c, m] = lifetime(rng, byUser.get(o.creator ?? ''), now, o.analysis === true);
      row.createdAt = c;
      row.modifiedAt = m;
    }
    if (o.type === 'NOTEBOOK') {
      row.spec = o.spec ?? null;
      row.language = languageOf(JSON.parse(o.spec as string).t);
    }
    if (o.type === 'FILE') {
      row.spec = JSON.stringify({ file: o.file });
      row.size = Buffer.byteLength(fileContent(o.file as string));
    }
    rows.set(o.path, row);
  }

  await WorkspaceObjects.seed(db, rows.values());
  await bulkInsert(db, 'acls', ['varchar', 'varchar', 'varchar', 'varchar', 'varchar'], aclRows(rng, rows, people, fixed.acls, estate));
  await seedCreationAudit(db, estate, rng, [...rows.values()], now);
  const all = [...rows.values()];
  return { notebooks: all.filter((r) => r.type === 'NOTEBOOK').length, objects: all.length };
}

/**
 * [created, modified] inside the creator's life: a leaver stopped editing a while before they left (everyone stayed
 * at least 45 days). The `analysis` notebook is made on the day its owner joined, since the audit history attaches
 * it to clusters from the next day on; other notebooks from the day after.
 */
function lifetime(rng: Rng, person: Person | undefined, now: number, analysis: boolean): [number, number] {
  const joined = person?.createdAt ?? now - 600 * DAY_MS;
  const left = person?.deactivatedAt ?? null;
  const end = left === null ? now - HOUR_MS : left - rng.int(1, 30) * DAY_MS;
  const from = joined + DAY_MS;
  const createdAt = analysis
    ? joined + 1 + Math.floor(rng.next() * (nextDay(joined) - joined - 1))
    : from + Math.floor(rng.next() * Math.max(0, end - from));
  const recent =
    analysis && left === null
      ? now - rng.int(1, 7 * 24) * HOUR_MS
      : createdAt + Math.floor(rng.next() ** 0.5 * Math.max(0, end - createdAt));
  return [Math.min(createdAt, end), Math.max(Math.min(recent, end), Math.min(createdAt, end))];
}

function aclRows(
  rng: Rng,
  rows: Map<string, WsRow>,
  people: Person[],
  fixed: ReturnType<typeof fixedPlan>['acls'],
  estate: Estate,
): Cell[][] {
  const out: Cell[][] = [];
  const grant = (type: string, path: string, kind: string, name: string, level: string) => {
    const row = rows.get(path);
    if (!row) throw new Error(`Seed ACL for a missing object ${path}`);
    out.push([type, String(row.id), kind, name, level]);
  };
  for (const p of people) grant('directories', `/Users/${p.userName}`, 'user', p.userName, 'CAN_MANAGE');
  for (const row of rows.values()) {
    const m = /^\/Repos\/([^/]+@[^/]+)$/.exec(row.path);
    if (m) grant('directories', row.path, 'user', m[1] as string, 'CAN_MANAGE');
  }
  for (const a of fixed) grant(a.objectType, a.path, a.principalKind, a.principalName, a.level);
  const orchestrator = estate.servicePrincipals.find((s) => s.displayName === 'etl-orchestrator');
  if (orchestrator) grant('repos', PIPELINES_REPO, 'service_principal', orchestrator.applicationId, 'CAN_RUN');

  // People share a folder with their team, or one notebook with a colleague, now and then. Only with a colleague
  // still here: a share with someone who left is a finding the estate does not plant.
  const personas = new Set(Object.values(PERSONA));
  const colleagues = people.filter((p) => p.active);
  const homes = new Map<string, WsRow[]>();
  for (const r of rows.values()) {
    const user = /^\/Users\/([^/]+)\//.exec(r.path)?.[1];
    if (!user) continue;
    const list = homes.get(user) ?? [];
    list.push(r);
    homes.set(user, list);
  }
  for (const p of people) {
    if (personas.has(p.userName)) continue;
    const mine = homes.get(p.userName) ?? [];
    const folder = mine.find((r) => r.type === 'DIRECTORY');
    if (folder && rng.chance(0.15)) grant('directories', folder.path, 'group', teamOf(p), rng.pick(['CAN_READ', 'CAN_RUN']));
    const nb = mine.find((r) => r.type === 'NOTEBOOK' && !r.path.endsWith('/analysis'));
    const colleague = rng.pick(colleagues);
    if (nb && colleague !== p && rng.chance(0.1))
      grant('notebooks', nb.path, 'user', colleague.userName, rng.pick(['CAN_READ', 'CAN_EDIT']));
  }
  return out;
}

async function seedCreationAudit(db: SimDb, estate: Estate, rng: Rng, rows: WsRow[], now: number): Promise<void> {
  const sink = await createAuditSink(db, { workspaceId: estate.workspaceId, accountId: estate.accountId });
  const since = historyStart(now);
  for (const r of rows) {
    if (r.type !== 'NOTEBOOK' || r.createdAt === null || r.createdAt < since || !r.creator) continue;
    sink.append({
      serviceName: 'notebook',
      actionName: 'createNotebook',
      email: r.creator,
      requestParams: { notebookId: String(r.id), path: r.path },
      statusCode: 200,
      sourceIp: rng.pick(estate.ips.office),
      userAgent: BROWSER_UA,
      eventTime: new Date(r.createdAt),
    });
  }
  await sink.flush();
}
