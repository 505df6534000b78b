// The seed's believability rules, checked on the pure generators (no database), so that the `large` estate is
// checked in a unit test in a second or two. Inside its life means:
// - a person or service principal acts, owns, creates or is granted something only after joining and, if
//   deactivated, before that (bar a job that runs as a since-deactivated service principal, which keeps it as owner,
//   and a person who left and still holds READ on a secret scope: Databricks keeps ACL entries of deactivated people);
// - a token is created by and for someone who was there; its last use falls on a day after its creation day and not
//   after its expiry, revocation, its owner's deactivation or now, and last_used_day is that day;
// - nothing is read or changed before it was made (scope, key, job, policy, IP access list), and the last write an
//   event shows agrees with the state (a key's last_updated_timestamp, a list's updated_at, the admins group).
// seed/invariants-sql.ts checks the same on a seeded database, including the SQL-generated history.
import type { AuditJsonRow } from '../audit/json-rows';
import type { Estate } from '../core/contract';
import type { tokenSchedule } from './audit-history';
import { nextDay } from './lifecycle';
import { DAY_MS, dayOf } from './random';
import type { WorkspacePlan } from './workspace-plan';

export type Violations = Map<string, string[]>;

interface Life {
  joined: number;
  left: number;
}

export function planViolations(
  plan: WorkspacePlan,
  now: number,
  history?: { events: AuditJsonRow[]; schedule: ReturnType<typeof tokenSchedule> },
): Violations {
  const out: Violations = new Map();
  const flag = (rule: string, detail: string) => out.set(rule, [...(out.get(rule) ?? []), detail]);
  const { estate } = plan;
  const life = new Map<string, Life>();
  for (const p of estate.people) life.set(p.userName, { joined: p.createdAt, left: p.deactivatedAt ?? Infinity });
  for (const s of estate.servicePrincipals) life.set(s.applicationId, { joined: s.createdAt, left: s.deactivatedAt ?? Infinity });
  const groups = new Set([...estate.groups, 'account users']);
  const alive = (name: string, t: number) => {
    const l = life.get(name);
    return !l || (l.joined < t && t < l.left);
  };

  for (const p of [...estate.people, ...estate.servicePrincipals]) {
    const name = 'userName' in p ? p.userName : p.applicationId;
    if (p.createdAt > now - DAY_MS) flag('principal joins in the future', name);
    if (p.active !== (p.deactivatedAt === null)) flag('principal active flag and deactivation disagree', name);
    if (p.deactivatedAt !== null && (p.deactivatedAt <= p.createdAt || p.deactivatedAt > now))
      flag('principal leaves before joining', name);
  }

  const tokenRows = new Map(plan.tokens.rows.map((r) => [r.tokenId, r]));
  for (const t of estate.tokens) {
    const id = t.tokenId.slice(0, 8);
    const owner = life.get(t.ownerName);
    const creator = life.get(t.createdByName);
    if (!owner || !creator) flag('token of a principal that does not exist', id);
    if (!alive(t.ownerName, t.creationTime) || !alive(t.createdByName, t.creationTime))
      flag('token created outside its owner or creator’s time', `${id} ${t.ownerName}`);
    if (t.creationTime > now) flag('token created in the future', id);
    const end = Math.min(now, t.expiryTime === -1 ? Infinity : t.expiryTime, t.revokedTime ?? Infinity, owner?.left ?? Infinity);
    if (t.lastUsedTime !== null && t.lastUsedTime < nextDay(t.creationTime)) flag('token used before the day after its creation', id);
    if (t.lastUsedTime !== null && t.lastUsedTime > end) flag('token used after expiry, revocation, its owner leaving or now', id);
    if (t.revokedTime !== null && (t.revokedTime <= t.creationTime || t.revokedTime > now)) flag('token revoked outside its life', id);
    if (t.revokedTime !== null && !alive(t.revokedBy ?? '', t.revokedTime)) flag('token revoked by someone not there', id);
    const row = tokenRows.get(t.tokenId);
    if (row && row.lastUsedDay !== (t.lastUsedTime === null ? null : dayOf(t.lastUsedTime)))
      flag('last_used_day is not the day of the last use', id);
    if (row && row.lastUsedDay !== null && row.lastUsedDay < row.creationTime) flag('last_used_day before creation_time', id);
  }

  for (const s of estate.scopes) {
    if (!alive(s.createdBy, s.createdAt) || s.createdAt > now) flag('scope created outside its creator’s time', s.name);
    for (const [key, t] of Object.entries(s.updatedAt))
      if (t < s.createdAt || t > now) flag('secret written outside its scope’s life', `${s.name}/${key}`);
    for (const a of s.acls) aclTo(a.principal, `${s.name} ${a.principal}`, a.stale === true);
  }
  for (const a of plan.acls)
    aclTo(a.principalName, `${a.objectType}/${a.objectId} ${a.principalName}`, a.objectType === 'jobs' && a.permissionLevel === 'IS_OWNER');
  function aclTo(principal: string, detail: string, deactivatedMeant = false) {
    if (!groups.has(principal) && !life.has(principal)) flag('ACL to a principal that does not exist', detail);
    // Meant: a job running as a since-deactivated service principal keeps it as IS_OWNER; a leaver keeps a READ entry.
    else if (!deactivatedMeant && (life.get(principal)?.left ?? Infinity) <= now) flag('ACL to a deactivated principal', detail);
  }

  for (const j of estate.jobs) {
    if (!alive(j.creator, j.createdTime) || !alive(j.runAs, j.createdTime) || j.createdTime > now)
      flag('job created outside its creator or run-as principal’s time', j.name);
  }
  for (const c of plan.clusters) {
    const doc = c.doc as { start_time: number; last_activity_time: number; terminated_time?: number };
    if (!alive(c.creator, doc.start_time)) flag('cluster started before its creator joined', c.name);
    if (doc.last_activity_time > now || (doc.terminated_time ?? 0) > now || doc.last_activity_time < doc.start_time)
      flag('cluster times out of order or in the future', c.name);
  }
  for (const p of plan.policies) if (p.creator && !alive(p.creator, p.createdAt)) flag('policy created before its creator joined', p.name);
  for (const l of estate.ipAccessLists)
    if (!alive(l.createdBy, l.createdAt) || l.updatedAt < l.createdAt || l.updatedAt > now)
      flag('IP access list times out of order', l.label);

  if (history) {
    scheduleViolations(estate, history.schedule, now, life, flag);
    eventViolations(estate, history.events, now, alive, flag);
  }
  return out;
}

function scheduleViolations(
  estate: Estate,
  schedule: ReturnType<typeof tokenSchedule>,
  now: number,
  life: Map<string, Life>,
  flag: (rule: string, detail: string) => void,
): void {
  const start = now - 90 * DAY_MS;
  for (const r of schedule.rows) {
    const t = estate.tokens[r.idx] as Estate['tokens'][number];
    if (!r.last_use) continue;
    const end = Math.min(now, r.expiry > 0 ? r.expiry : Infinity, r.revoked ?? Infinity, life.get(r.owner)?.left ?? Infinity);
    if (r.use_from < r.created || r.use_from < start) flag('history uses a token before its creation', r.token_id.slice(0, 8));
    if (r.use_to > end) flag('history uses a token after its end', r.token_id.slice(0, 8));
    if (r.last_use !== t.lastUsedTime) flag('history’s last use is not the token’s', r.token_id.slice(0, 8));
    if (r.token_hash !== r.token_id) flag('generateDbToken does not name the token used', r.token_id.slice(0, 8));
  }
}

function eventViolations(
  estate: Estate,
  events: AuditJsonRow[],
  now: number,
  alive: (name: string, t: number) => boolean,
  flag: (rule: string, detail: string) => void,
): void {
  const scopes = new Map(estate.scopes.map((s) => [s.name, s]));
  const jobs = new Map(estate.jobs.map((j) => [`/jobs/${j.jobId}`, j]));
  const policies = new Map(estate.policies.map((p) => [`/cluster-policies/${p.policyId}`, p]));
  const clusters = new Set(estate.clusters.map((c) => `/clusters/${c.clusterId}`));
  const lists = new Map(estate.ipAccessLists.map((l) => [l.listId, l]));
  const adminsNow = new Set([
    ...estate.people.filter((p) => p.groups.includes('admins')).map((p) => p.userName),
    ...estate.servicePrincipals.filter((s) => s.groups.includes('admins')).map((s) => s.applicationId),
  ]);
  const lastAdminChange = new Map<string, [number, string]>();
  for (const e of events) {
    const t = Date.parse(e.eventTime);
    const what = `${e.serviceName}.${e.actionName} ${e.eventTime}`;
    const p = e.params;
    if (t > now || t < now - 90 * DAY_MS) flag('event outside the history window', what);
    if (e.email && !alive(e.email, t)) flag('event by someone not there at the time', `${what} ${e.email}`);
    const target = p.targetUserName;
    // Joining and leaving happen at the edges of a life: the event is at the instant itself.
    const edge = e.actionName === 'add' ? 1 : e.actionName === 'deactivateUser' ? -1 : 0;
    if (target && !alive(target, t + edge)) flag('event about someone not there at the time', `${what} ${target}`);
    if (e.serviceName === 'secrets' && p.scope) {
      const s = scopes.get(p.scope);
      if (!s) flag('secret event on a scope that does not exist', what);
      else if (e.actionName === 'createScope' ? t !== s.createdAt : t < s.createdAt) flag('secret event outside its scope’s life', what);
      else if (e.actionName === 'putSecret' && p.key && t > (s.updatedAt[p.key] ?? -Infinity))
        flag('putSecret after the key’s last update', what);
      else if (e.actionName === 'deleteSecret' && p.key && s.keys.includes(p.key)) flag('deleteSecret of a key that is still there', what);
    }
    const resource = p.resourceId ?? '';
    if (resource.startsWith('/jobs/') && !((jobs.get(resource)?.createdTime ?? Infinity) < t))
      flag('job event outside the job’s life', what);
    if (resource.startsWith('/cluster-policies/') && !((policies.get(resource)?.createdAt ?? Infinity) < t))
      flag('policy event outside its life', what);
    if (resource.startsWith('/clusters/') && !clusters.has(resource)) flag('cluster event on a cluster that does not exist', what);
    const list = p.ipAccessListId ? lists.get(p.ipAccessListId) : undefined;
    if (
      list &&
      ((e.actionName === 'createIpAccessList' && t !== list.createdAt) ||
        (e.actionName === 'updateIpAccessList' && (t < list.createdAt || t > list.updatedAt)))
    )
      flag('IP access list event outside the list’s life', what);
    if (p.targetGroupName === 'admins' && target && (lastAdminChange.get(target)?.[0] ?? -Infinity) <= t)
      lastAdminChange.set(target, [t, e.actionName]);
  }
  for (const [name, [, action]] of lastAdminChange) {
    const added = action === 'addPrincipalToGroup' || action === 'setAdmin';
    if (added !== adminsNow.has(name)) flag('admins group change that the membership contradicts', name);
  }
}
