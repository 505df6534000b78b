// Who can actually read an object: the one computation the grant screens ("who can read this table?", "what can
// this person read?") and data protection ("who sees this column raw?") share. In Unity Catalog reading a table needs
// three things at once, each of which may come from a different grant or group: USE CATALOG on its catalog, USE
// SCHEMA on its schema (or on the catalog, which passes it down), and SELECT on the table, its schema or its catalog.
// ALL PRIVILEGES stands for each of them; an owner holds everything on what it owns and below. MANAGE alone does not
// read, and workspace admins read only what they are granted, like anyone else (reference §10.2).
import type { Principal, PrincipalIndex } from '@/lib/principals/rules';
import { readPrivilegeOf, splitFullName, sqlPrivilege, type LeafType, type SecurableType } from './privileges';

/** A grant made on the securable itself (not one information_schema lists as inherited). */
export interface DirectGrant {
  principal: string;
  /** Full name of the catalog, schema or object the grant was made on. */
  securable: string;
  type: SecurableType;
  /** SQL spelling (`USE CATALOG`). */
  privilege: string;
}

export interface ReadTarget {
  fullName: string;
  type: LeafType;
  owner: string | null;
  schemaOwner: string | null;
  catalogOwner: string | null;
}

/** One way a principal comes to hold the read privilege: a grant (or ownership), possibly through groups. */
export interface ReadRoute {
  kind: 'grant' | 'owner';
  /** Who the grant names (or who owns): the principal itself or a group it is in. */
  grantee: string;
  securable: string;
  /** The privilege granted, or `OWNER`. */
  privilege: string;
  /** Groups from the grantee down to the one that lists the principal; empty when the grant names it directly. */
  groups: string[];
}

export interface Reader {
  principal: Principal;
  via: ReadRoute[];
}

/** Direct grants by the securable they were made on, for many lookups in one request. */
export type GrantsBySecurable = ReadonlyMap<string, readonly DirectGrant[]>;

export function indexGrants(grants: Iterable<DirectGrant>): Map<string, DirectGrant[]> {
  const out = new Map<string, DirectGrant[]>();
  for (const g of grants) {
    const key = g.securable.toLowerCase();
    const list = out.get(key);
    if (list) list.push(g);
    else out.set(key, [g]);
  }
  return out;
}

interface Holder {
  grantee: string;
  kind: 'grant' | 'owner';
  securable: string;
  privilege: string;
}

const lower = (s: string) => s.toLowerCase();

export interface EffectiveAccess {
  /** Every active or deactivated person and service principal who can read the target, with how. Deleted names are left out. */
  readers(target: ReadTarget, grants: GrantsBySecurable): Reader[];
  /**
   * The same people, without the routes: what a page about thousands of tables needs. Objects of a schema whose own
   * grants and owner read alike share one answer (callers must not change it).
   */
  readerPrincipals(target: ReadTarget, grants: GrantsBySecurable): readonly Principal[];
  /** How `principal` reads the target, or null when it cannot. */
  routesFor(principal: string, target: ReadTarget, grants: GrantsBySecurable): ReadRoute[] | null;
}

/**
 * Effective read access over one principal index. Group memberships are expanded once per group and kept for the
 * life of this object (one request), so thousands of tables cost lookups, not directory walks.
 */
export function effectiveAccess(index: PrincipalIndex): EffectiveAccess {
  const memberVia = new Map<string, Map<string, { principal: Principal; via: string[] }>>();
  const groupsOf = new Map<string, Set<string>>();

  const membersOf = (grantee: string) => {
    const key = lower(grantee);
    let m = memberVia.get(key);
    if (!m) {
      m = new Map();
      const p = index.resolve(grantee);
      if (p.kind === 'group') for (const member of index.members(grantee)) m.set(lower(member.principal.name), member);
      else m.set(key, { principal: p, via: [] });
      memberVia.set(key, m);
    }
    return m;
  };
  const groupsOfPrincipal = (name: string) => {
    const key = lower(name);
    let s = groupsOf.get(key);
    if (!s) {
      s = new Set(index.groupsOf(name).map(lower));
      groupsOf.set(key, s);
    }
    return s;
  };
  /** The groups path by which `principal` gets what `grantee` holds, or null when it does not. */
  const pathTo = (principal: string, grantee: string): string[] | null => {
    if (lower(principal) === lower(grantee)) return [];
    if (!groupsOfPrincipal(principal).has(lower(grantee))) return null;
    return membersOf(grantee).get(lower(principal))?.via ?? [grantee];
  };

  const pick = (grants: GrantsBySecurable, securable: string, wanted: readonly string[]): Holder[] =>
    (grants.get(lower(securable)) ?? [])
      .filter((g) => wanted.includes(sqlPrivilege(g.privilege)))
      .map((g) => ({ grantee: g.principal, kind: 'grant' as const, securable, privilege: sqlPrivilege(g.privilege) }));
  const owner = (who: string | null, securable: string): Holder[] =>
    who ? [{ grantee: who, kind: 'owner', securable, privilege: 'OWNER' }] : [];

  /** What reaches the object from its schema and catalog (shared by every object of the schema), and from itself. */
  const holders = (target: ReadTarget, grants: GrantsBySecurable) => {
    const { catalog, schema } = splitFullName(target.fullName);
    const schemaName = `${catalog}.${schema}`;
    const read = readPrivilegeOf(target.type);
    return {
      schemaKey: `${lower(schemaName)}|${lower(target.schemaOwner ?? '')}|${lower(target.catalogOwner ?? '')}|${read}`,
      useCatalog: [...pick(grants, catalog, ['USE CATALOG', 'ALL PRIVILEGES']), ...owner(target.catalogOwner, catalog)],
      useSchema: [
        ...pick(grants, schemaName, ['USE SCHEMA', 'ALL PRIVILEGES']),
        ...pick(grants, catalog, ['USE SCHEMA', 'ALL PRIVILEGES']),
        ...owner(target.schemaOwner, schemaName),
        ...owner(target.catalogOwner, catalog),
      ],
      readFromObject: [...pick(grants, target.fullName, [read, 'ALL PRIVILEGES']), ...owner(target.owner, target.fullName)],
      readFromAbove: [
        ...pick(grants, schemaName, [read, 'ALL PRIVILEGES']),
        ...pick(grants, catalog, [read, 'ALL PRIVILEGES']),
        ...owner(target.schemaOwner, schemaName),
        ...owner(target.catalogOwner, catalog),
      ],
    };
  };

  const routesOf = (principal: string, list: Holder[]): ReadRoute[] =>
    list.flatMap((h) => {
      const groups = pathTo(principal, h.grantee);
      return groups === null ? [] : [{ ...h, groups }];
    });

  /**
   * Everyone who passes USE CATALOG and USE SCHEMA for a schema, with what reaches them from the schema and catalog.
   * Computed once per schema (and owners): thousands of tables in a few hundred schemas cost a few hundred walks.
   */
  const schemaBase = new Map<string, Reader[]>();
  const sharedNames = new Map<string, Principal[]>();
  const baseOf = (h: ReturnType<typeof holders>): Reader[] => {
    let base = schemaBase.get(h.schemaKey);
    if (!base) {
      // Everyone who may use the catalog is the candidate set: usually the narrowest of the three conditions.
      const candidates = new Map<string, Principal>();
      for (const holder of h.useCatalog)
        for (const [key, m] of membersOf(holder.grantee))
          if (m.principal.status !== 'deleted' && m.principal.kind !== 'group') candidates.set(key, m.principal);
      base = [];
      for (const principal of candidates.values()) {
        if (routesOf(principal.name, h.useSchema).length === 0) continue;
        base.push({ principal, via: routesOf(principal.name, h.readFromAbove) });
      }
      base.sort((a, b) => a.principal.name.localeCompare(b.principal.name));
      schemaBase.set(h.schemaKey, base);
    }
    return base;
  };

  return {
    readers(target, grants) {
      const h = holders(target, grants);
      const out: Reader[] = [];
      for (const entry of baseOf(h)) {
        const own = h.readFromObject.length ? routesOf(entry.principal.name, h.readFromObject) : [];
        if (own.length) out.push({ principal: entry.principal, via: [...own, ...entry.via] });
        // Shared between the objects of a schema: callers read, never change, what they get.
        else if (entry.via.length) out.push(entry);
      }
      return out;
    },
    readerPrincipals(target, grants) {
      const h = holders(target, grants);
      const signature = h.readFromObject
        .map((x) => `${x.kind}:${lower(x.grantee)}`)
        .sort()
        .join(',');
      const key = `${h.schemaKey}#${signature}`;
      let names = sharedNames.get(key);
      if (!names) {
        names = baseOf(h)
          .filter((e) => e.via.length > 0 || h.readFromObject.some((x) => pathTo(e.principal.name, x.grantee) !== null))
          .map((e) => e.principal);
        sharedNames.set(key, names);
      }
      return names;
    },
    routesFor(principal, target, grants) {
      const h = holders(target, grants);
      if (routesOf(principal, h.useCatalog).length === 0 || routesOf(principal, h.useSchema).length === 0) return null;
      const via = routesOf(principal, [...h.readFromObject, ...h.readFromAbove]);
      return via.length ? via : null;
    },
  };
}
