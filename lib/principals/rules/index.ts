// Who a principal name in a grant or ACL is, and who is in a group. Unity Catalog, secret ACLs and permission lists
// name people by userName, service principals by applicationId and groups by display name; SCIM gives ids. This
// index joins the two and expands nested groups (with the path, so a screen can say "through data-eng → analysts").
// Pure: it takes the directory as plain data.

export const PRINCIPAL_KINDS = ['user', 'group', 'service_principal'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];
/** `deleted`: the name no longer resolves in SCIM (a grant outlived its principal). */
export type PrincipalStatus = 'active' | 'deactivated' | 'deleted';

export interface Principal {
  /** The name grants and ACLs use: userName, group display name, or applicationId. */
  name: string;
  kind: PrincipalKind | 'unknown';
  displayName: string | null;
  status: PrincipalStatus;
}

/** Groups every user and service principal belongs to without being listed: Databricks' all-users groups. */
export const EVERYONE_GROUPS = ['users', 'account users'] as const;

export interface DirectoryInput {
  users: ReadonlyArray<{ id: string; name: string; displayName: string | null; active: boolean; kind: 'user' | 'service_principal' }>;
  groups: ReadonlyArray<{ id: string; displayName: string; memberIds: readonly string[] }>;
}

export interface Member {
  principal: Principal;
  /** Group names from the outer group down to the one that lists the member directly. */
  via: string[];
}

export interface PrincipalIndex {
  /** The principal a grant names; `deleted` when nobody in the directory has that name. */
  resolve(name: string): Principal;
  /** People and service principals in the group, nested groups expanded, each with the path that makes them a member. */
  members(groupName: string): Member[];
  /** Every group the principal is in, directly or through other groups, the all-users groups included. */
  groupsOf(name: string): string[];
  /** Every principal in the directory (people, service principals, groups), for pickers. */
  all(): readonly Principal[];
  /** Every group's name, the directory's and the all-users groups. */
  groupNames(): string[];
}

const key = (name: string) => name.toLowerCase();

export function buildPrincipalIndex(input: DirectoryInput): PrincipalIndex {
  const byId = new Map<string, Principal>();
  const byName = new Map<string, Principal>();
  const add = (id: string, p: Principal) => {
    byId.set(id, p);
    byName.set(key(p.name), p);
  };
  for (const u of input.users)
    add(u.id, { name: u.name, kind: u.kind, displayName: u.displayName, status: u.active ? 'active' : 'deactivated' });
  for (const g of input.groups) add(g.id, { name: g.displayName, kind: 'group', displayName: g.displayName, status: 'active' });
  const directMembers = new Map(input.groups.map((g) => [key(g.displayName), g.memberIds] as const));
  const parents = new Map<string, string[]>();
  for (const g of input.groups) {
    for (const id of g.memberIds) {
      const member = byId.get(id);
      if (member) parents.set(key(member.name), [...(parents.get(key(member.name)) ?? []), g.displayName]);
    }
  }

  const resolve = (name: string): Principal => {
    const everyone = (EVERYONE_GROUPS as readonly string[]).includes(name);
    return (
      byName.get(key(name)) ?? {
        name,
        kind: everyone ? 'group' : 'unknown',
        displayName: everyone ? name : null,
        status: everyone ? 'active' : 'deleted',
      }
    );
  };

  const members = (groupName: string): Member[] => {
    if ((EVERYONE_GROUPS as readonly string[]).includes(groupName)) {
      return input.users.map((u) => ({ principal: byId.get(u.id)!, via: [groupName] }));
    }
    const out = new Map<string, Member>();
    const walk = (group: string, via: string[]) => {
      for (const id of directMembers.get(key(group)) ?? []) {
        const m = byId.get(id);
        if (!m) continue;
        if (m.kind === 'group') {
          // A cycle (A in B in A) ends here; the first path found is the one reported.
          if (!via.some((v) => key(v) === key(m.name))) walk(m.name, [...via, m.name]);
        } else if (!out.has(key(m.name))) out.set(key(m.name), { principal: m, via });
      }
    };
    walk(groupName, [resolve(groupName).name]);
    return [...out.values()];
  };

  const groupsOf = (name: string): string[] => {
    const seen = new Map<string, string>();
    const up = (n: string) => {
      for (const g of parents.get(key(n)) ?? []) {
        if (!seen.has(key(g))) {
          seen.set(key(g), g);
          up(g);
        }
      }
    };
    up(name);
    const p = resolve(name);
    const everyone = p.kind === 'user' || p.kind === 'service_principal' ? [...EVERYONE_GROUPS] : [];
    return [...seen.values(), ...everyone];
  };

  const groupNames = () => [...new Set([...input.groups.map((g) => g.displayName), ...EVERYONE_GROUPS])].sort((a, b) => a.localeCompare(b));

  const everyone = [...byName.values()];
  return { resolve, members, groupsOf, groupNames, all: () => everyone };
}
