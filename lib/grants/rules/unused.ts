// Least privilege from what people actually do: a SELECT or MODIFY grant whose grantee (or, for a group, any member)
// has no recorded read or write of the securable in the last N days is a suggested revoke. The record is
// system.access.table_lineage, which Databricks emits only where it can infer lineage: a subset of all reads and
// writes. So the wording is always "no recorded use", never "unused", and the evidence (the last recorded use, or
// none) goes with the finding.
import type { PrincipalIndex } from '@/lib/principals/rules';
import type { DirectGrant } from './effective';
import type { GrantFinding } from './findings';
import { describeSecurable } from './findings';
import { sqlPrivilege } from './privileges';

export const DEFAULT_UNUSED_DAYS = 90;
const DAY_MS = 86_400_000;

/** Lineage aggregated in SQL to the securables that hold a grant: who last read or wrote anything in each. */
export interface UsageRow {
  /** `created_by`: a user name, or a service principal's application id. */
  user: string;
  /** Full name of the catalog, schema or table a grant was made on. */
  securable: string;
  how: 'read' | 'write';
  last: Date;
}

const USE_OF: Record<string, 'read' | 'write'> = { SELECT: 'read', MODIFY: 'write' };

export function usageIndex(rows: readonly UsageRow[]): Map<string, UsageRow[]> {
  const out = new Map<string, UsageRow[]>();
  for (const r of rows) {
    const key = `${r.securable.toLowerCase()}|${r.how}`;
    const list = out.get(key);
    if (list) list.push(r);
    else out.set(key, [r]);
  }
  return out;
}

/** The grants lineage can speak for: SELECT and MODIFY on catalogs, schemas, tables and views. */
export function isUsageJudged(g: DirectGrant): boolean {
  return sqlPrivilege(g.privilege) in USE_OF && ['CATALOG', 'SCHEMA', 'TABLE', 'VIEW'].includes(g.type);
}

export function unusedGrantFindings(
  grants: readonly DirectGrant[],
  usage: ReadonlyMap<string, readonly UsageRow[]>,
  index: PrincipalIndex,
  days: number,
  now: Date,
): GrantFinding[] {
  const since = now.getTime() - days * DAY_MS;
  const out: GrantFinding[] = [];
  const people = new Map<string, Set<string>>();
  const whoCounts = (grantee: string) => {
    const key = grantee.toLowerCase();
    let set = people.get(key);
    if (!set) {
      const p = index.resolve(grantee);
      set = new Set(p.kind === 'group' ? index.members(grantee).map((m) => m.principal.name.toLowerCase()) : [key]);
      people.set(key, set);
    }
    return set;
  };
  for (const g of grants) {
    if (!isUsageJudged(g)) continue;
    const privilege = sqlPrivilege(g.privilege);
    const how = USE_OF[privilege]!;
    const counted = whoCounts(g.principal);
    let last: UsageRow | null = null;
    for (const row of usage.get(`${g.securable.toLowerCase()}|${how}`) ?? []) {
      if (counted.has(row.user.toLowerCase()) && (last === null || row.last > last.last)) last = row;
    }
    if (last && last.last.getTime() >= since) continue;
    const p = index.resolve(g.principal);
    const whom =
      p.kind === 'group'
        ? `${g.principal} or any of its ${counted.size === 1 ? 'one member' : `${counted.size} members`}`
        : (p.displayName ?? g.principal);
    const verb = how === 'read' ? 'read' : 'write';
    const when = last ? ` (the last was ${Math.floor((now.getTime() - last.last.getTime()) / DAY_MS)} days ago, by ${last.user})` : '';
    out.push({
      code: 'no_recorded_use',
      level: 'low',
      text: `No recorded ${verb} of ${describeSecurable(g.type, g.securable)} by ${whom} in the last ${days} days${when}: a candidate to revoke ${privilege}.`,
      principal: g.principal,
      securable: g.securable,
      securableType: g.type,
      privilege,
      fix: { action: 'REVOKE', privileges: [privilege], securableType: g.type, securable: g.securable, principal: g.principal },
      evidence: { days, lastUsed: last ? last.last.toISOString() : null, lastUsedBy: last?.user ?? null },
    });
  }
  return out;
}

/** When lineage cannot be read, one finding says so instead of any revoke suggestion. */
export function lineageNotCollected(reason: string): GrantFinding {
  return {
    code: 'lineage_not_collected',
    level: 'info',
    text: `Not collected: lineage unavailable (${reason}). Grants with no recorded use cannot be suggested for revoking.`,
    principal: null,
    securable: null,
    securableType: null,
    privilege: null,
    fix: null,
  };
}
