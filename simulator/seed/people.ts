// People, groups and service principals of the seeded workspace, with one persona per dashboard role.
import type { Scale } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import { DAY_MS, type Rng } from './random';
import { DOMAIN, FIRST_NAMES, LAST_NAMES, SERVICE_PRINCIPALS, TEAMS } from './names';

export interface PeopleSeed {
  records: PrincipalRecord[];
  memberships: Array<[string, string]>;
  people: PrincipalRecord[];
  servicePrincipals: PrincipalRecord[];
  groups: PrincipalRecord[];
  personas: {
    admin: PrincipalRecord;
    analyst: PrincipalRecord;
    manager: PrincipalRecord;
    noRole: PrincipalRecord;
    platformAdmin: PrincipalRecord;
  };
  /** Direct and nested group names per principal id, always with 'users'. */
  groupNames: Map<string, string[]>;
  /** When each deactivated person and service principal was deactivated; every story about them ends before it. */
  leftAt: Map<string, number>;
}

const PERSONAS = [
  { key: 'admin', given: 'Alex', family: 'Morgan', groups: ['admins', 'security-analysts'] },
  { key: 'analyst', given: 'Priya', family: 'Shah', groups: ['security-analysts'] },
  { key: 'manager', given: 'Daniel', family: 'Okafor', groups: ['security-managers'] },
  { key: 'noRole', given: 'Sam', family: 'Rivera', groups: ['data-engineering'] },
  { key: 'platformAdmin', given: 'Jordan', family: 'Lee', groups: ['admins', 'platform-ops'] },
] as const;

export function seedPeople(rng: Rng, scale: Scale, now: number): PeopleSeed {
  const records: PrincipalRecord[] = [];
  const memberships: Array<[string, string]> = [];
  const groupByName = new Map<string, PrincipalRecord>();
  const addGroup = (name: string, entitlements: string[] = []) => {
    const g = record(rng, 'group', name, name, now, entitlements);
    records.push(g);
    groupByName.set(name, g);
    return g;
  };
  addGroup('users', ['workspace-access', 'databricks-sql-access']);
  addGroup('admins', ['workspace-access', 'databricks-sql-access', 'allow-cluster-create', 'allow-instance-pool-create']);
  addGroup('security-analysts');
  addGroup('security-managers');
  for (const t of TEAMS) addGroup(t.name, t.name === 'data-engineering' || t.name === 'ml-engineering' ? ['allow-cluster-create'] : []);
  const platform = addGroup('data-platform', ['allow-cluster-create']);
  for (const child of ['data-engineering', 'ml-engineering', 'platform-ops'])
    memberships.push([platform.id, (groupByName.get(child) as PrincipalRecord).id]);
  const projectGroups = scale === 'large' ? 80 : 0;
  for (let i = 1; i <= projectGroups; i++) addGroup(`project-${String(i).padStart(3, '0')}`);
  const join = (groupName: string, memberId: string) => memberships.push([(groupByName.get(groupName) as PrincipalRecord).id, memberId]);

  const taken = new Set<string>();
  const person = (given: string, family: string, active: boolean) => {
    let base = `${given}.${family}`.toLowerCase();
    for (let n = 2; taken.has(base); n++) base = `${given}.${family}${n}`.toLowerCase();
    taken.add(base);
    const p = record(rng, 'user', `${base}@${DOMAIN}`, `${given} ${family === 'OBrien' ? "O'Brien" : family}`, now, [
      'workspace-access',
      'databricks-sql-access',
    ]);
    p.givenName = given;
    p.familyName = family;
    p.active = active;
    p.externalId = rng.uuid();
    records.push(p);
    return p;
  };

  const personas = {} as PeopleSeed['personas'];
  for (const def of PERSONAS) {
    const p = person(def.given, def.family, true);
    p.createdAt = now - rng.int(400, 1200) * DAY_MS;
    def.groups.forEach((g) => join(g, p.id));
    personas[def.key] = p;
  }
  const headcount = scale === 'large' ? 2200 : 60;
  const people = Object.values(personas);
  while (people.length < headcount) {
    const p = person(rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES), !rng.chance(scale === 'large' ? 0.08 : 0.12));
    people.push(p);
  }
  // The newest hire joined within the last two months (the history shows them being added).
  const newest = people[people.length - 1] as PrincipalRecord;
  newest.active = true;
  newest.createdAt = now - rng.int(8, 60) * DAY_MS - rng.int(8, 11) * 3_600_000;
  const others = people.slice(PERSONAS.length);
  for (const team of TEAMS) for (const p of rng.sample(others, Math.max(3, Math.round(others.length * team.share)))) join(team.name, p.id);
  for (const p of rng.sample(others, 2)) join('security-analysts', p.id);
  join('security-managers', (others[0] as PrincipalRecord).id);
  join('admins', (others[1] as PrincipalRecord).id);
  for (let i = 1; i <= projectGroups; i++)
    for (const p of rng.sample(others, rng.int(5, 40))) join(`project-${String(i).padStart(3, '0')}`, p.id);

  const servicePrincipals: PrincipalRecord[] = [];
  const spDefs = [...SERVICE_PRINCIPALS];
  for (let i = 1; scale === 'large' && i <= 150; i++)
    spDefs.push({ name: `app-integration-${String(i).padStart(3, '0')}`, active: rng.chance(0.92), groups: [] });
  for (const def of spDefs) {
    const sp = record(rng, 'service_principal', rng.uuid(), def.name, now, ['workspace-access', 'databricks-sql-access']);
    sp.active = def.active;
    records.push(sp);
    servicePrincipals.push(sp);
    def.groups.forEach((g) => join(g, sp.id));
  }

  const groups = records.filter((r) => r.kind === 'group');
  const leftAt = new Map<string, number>();
  for (const r of [...people, ...servicePrincipals]) if (!r.active) leftAt.set(r.id, deactivation(rng, r, now));
  return { records, memberships, people, servicePrincipals, groups, personas, groupNames: resolveGroups(records, memberships), leftAt };
}

/** Some people left during the 90 days of audit history (it shows them working, then their deactivation), most
 *  before. Service principals were switched off before it (SCIM audits deactivateUser for people only, so a
 *  principal's end inside the window would leave no trace). Everyone stayed at least 45 days; a late joiner's start
 *  moves back to make room. */
function deactivation(rng: Rng, r: PrincipalRecord, now: number): number {
  const left = now - rng.int(r.kind === 'user' ? 3 : 95, 540) * DAY_MS - rng.int(8, 18) * 3_600_000;
  if (left - r.createdAt < 45 * DAY_MS) r.createdAt = left - rng.int(45, 400) * DAY_MS;
  return left;
}

function record(
  rng: Rng,
  kind: PrincipalRecord['kind'],
  name: string,
  displayName: string,
  now: number,
  entitlements: string[],
): PrincipalRecord {
  return {
    id: rng.scimId(),
    kind,
    name,
    displayName,
    givenName: null,
    familyName: null,
    active: true,
    externalId: null,
    entitlements,
    createdAt: now - rng.int(30, 1500) * DAY_MS,
  };
}

function resolveGroups(records: PrincipalRecord[], memberships: Array<[string, string]>): Map<string, string[]> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const parents = new Map<string, string[]>();
  for (const [g, m] of memberships) parents.set(m, [...(parents.get(m) ?? []), g]);
  const out = new Map<string, string[]>();
  for (const r of records) {
    if (r.kind === 'group') continue;
    const names = new Set<string>(['users']);
    const queue = [...(parents.get(r.id) ?? [])];
    while (queue.length) {
      const g = queue.shift() as string;
      const name = byId.get(g)?.name;
      if (!name || names.has(name)) continue;
      names.add(name);
      queue.push(...(parents.get(g) ?? []));
    }
    out.set(r.id, [...names]);
  }
  return out;
}
