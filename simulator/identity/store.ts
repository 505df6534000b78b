// People, service principals and groups: held in memory (a few thousand records at most) and written through to
// ws.principals / ws.memberships so a restart keeps every SCIM change.
import type { SimDb } from '../core/db';
import type { Principal, PrincipalDirectory } from '../core/contract';
import { bulkInsert } from '../store/bulk';

export type PrincipalKind = 'user' | 'service_principal' | 'group';

export interface PrincipalRecord {
  id: string;
  kind: PrincipalKind;
  /** userName for people, applicationId for service principals, displayName for groups. */
  name: string;
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  active: boolean;
  externalId: string | null;
  entitlements: string[];
  createdAt: number;
}

/** The all-users group: its membership is implicit (every user and service principal), as in a real workspace. */
export const USERS_GROUP = 'users';
export const ADMINS_GROUP = 'admins';

const key = (kind: PrincipalKind, name: string) => `${kind}:${name.toLowerCase()}`;

export class IdentityStore implements PrincipalDirectory {
  private byId = new Map<string, PrincipalRecord>();
  private byName = new Map<string, PrincipalRecord>();
  private members = new Map<string, Set<string>>();
  private parents = new Map<string, Set<string>>();

  private constructor(private readonly db: SimDb) {}

  static async load(db: SimDb): Promise<IdentityStore> {
    const store = new IdentityStore(db);
    const rows = await db.all<Record<string, unknown>>('SELECT * FROM ws.principals');
    for (const r of rows) store.index(fromRow(r));
    for (const m of await db.all<{ group_id: string; member_id: string }>('SELECT * FROM ws.memberships')) {
      store.link(m.group_id, m.member_id);
    }
    return store;
  }

  /** Bulk load used by the seed: one appender pass instead of one write per record. */
  static async seed(db: SimDb, records: PrincipalRecord[], memberships: Array<[groupId: string, memberId: string]>): Promise<void> {
    await bulkInsert(
      db,
      'principals',
      ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bool', 'varchar', 'varchar', 'bigint'],
      records.map(toRow),
    );
    await bulkInsert(db, 'memberships', ['varchar', 'varchar'], memberships);
  }

  get(id: string): PrincipalRecord | undefined {
    return this.byId.get(id);
  }

  find(kind: PrincipalKind, name: string): PrincipalRecord | undefined {
    return this.byName.get(key(kind, name));
  }

  /** A user name, service principal application id or group name, as ACLs and grants name principals. */
  findByAclName(name: string): PrincipalRecord | undefined {
    return this.find('user', name) ?? this.find('service_principal', name) ?? this.find('group', name);
  }

  async lookup(name: string): Promise<{ kind: PrincipalKind; name: string; displayName: string } | null> {
    const r = this.findByAclName(name);
    return r ? { kind: r.kind, name: r.name, displayName: r.displayName } : null;
  }

  all(kind: PrincipalKind): PrincipalRecord[] {
    return [...this.byId.values()].filter((r) => r.kind === kind);
  }

  /** Member ids of a group; the users group holds every user and service principal. */
  memberIds(groupId: string): string[] {
    const g = this.byId.get(groupId);
    if (g?.name === USERS_GROUP) return [...this.byId.values()].filter((r) => r.kind !== 'group').map((r) => r.id);
    return [...(this.members.get(groupId) ?? [])];
  }

  /** Groups a principal belongs to directly (not counting the implicit users group). */
  directGroups(id: string): PrincipalRecord[] {
    return [...(this.parents.get(id) ?? [])].map((g) => this.byId.get(g)).filter((g): g is PrincipalRecord => !!g);
  }

  /** Every group, direct or through nesting, plus 'users' for users and service principals. */
  allGroups(id: string): PrincipalRecord[] {
    const seen = new Map<string, PrincipalRecord>();
    const queue = [id];
    while (queue.length) {
      for (const g of this.directGroups(queue.shift() as string)) {
        if (!seen.has(g.id)) {
          seen.set(g.id, g);
          queue.push(g.id);
        }
      }
    }
    const rec = this.byId.get(id);
    const users = this.find('group', USERS_GROUP);
    if (rec && rec.kind !== 'group' && users) seen.set(users.id, users);
    return [...seen.values()];
  }

  isAdmin(id: string): boolean {
    return this.allGroups(id).some((g) => g.name === ADMINS_GROUP);
  }

  toPrincipal(rec: PrincipalRecord): Principal {
    const groups = this.allGroups(rec.id).map((g) => g.name);
    return {
      kind: rec.kind === 'group' ? 'user' : rec.kind,
      id: rec.id,
      name: rec.name,
      displayName: rec.displayName,
      active: rec.active,
      groups,
      isAdmin: groups.includes(ADMINS_GROUP),
    };
  }

  // Writes run one at a time (SimDb.exclusive): two updates of one record are two deletes of one row, which DuckDB
  // lets only one of succeed.
  async create(rec: PrincipalRecord): Promise<void> {
    await this.db.exclusive(() => this.db.run('INSERT INTO ws.principals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', toRow(rec)));
    this.index(rec);
  }

  async update(rec: PrincipalRecord): Promise<void> {
    await this.db.exclusive(async () => {
      const old = this.byId.get(rec.id);
      await this.db.transaction(async (c) => {
        await c.run('DELETE FROM ws.principals WHERE id = ?', [rec.id]);
        await c.run('INSERT INTO ws.principals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', toRow(rec));
      });
      if (old) this.byName.delete(key(old.kind, old.name));
      this.index(rec);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.exclusive(async () => {
      await this.db.transaction(async (c) => {
        await c.run('DELETE FROM ws.principals WHERE id = ?', [id]);
        await c.run('DELETE FROM ws.memberships WHERE group_id = ? OR member_id = ?', [id, id]);
      });
      const rec = this.byId.get(id);
      if (rec) this.byName.delete(key(rec.kind, rec.name));
      this.byId.delete(id);
      for (const m of this.members.get(id) ?? []) this.parents.get(m)?.delete(id);
      for (const g of this.parents.get(id) ?? []) this.members.get(g)?.delete(id);
      this.members.delete(id);
      this.parents.delete(id);
    });
  }

  async addMember(groupId: string, memberId: string): Promise<boolean> {
    return this.db.exclusive(async () => {
      if (this.members.get(groupId)?.has(memberId)) return false;
      await this.db.run('INSERT INTO ws.memberships VALUES (?, ?)', [groupId, memberId]);
      this.link(groupId, memberId);
      return true;
    });
  }

  async removeMember(groupId: string, memberId: string): Promise<boolean> {
    return this.db.exclusive(async () => {
      if (!this.members.get(groupId)?.has(memberId)) return false;
      await this.db.run('DELETE FROM ws.memberships WHERE group_id = ? AND member_id = ?', [groupId, memberId]);
      this.members.get(groupId)?.delete(memberId);
      this.parents.get(memberId)?.delete(groupId);
      return true;
    });
  }

  private index(rec: PrincipalRecord): void {
    this.byId.set(rec.id, rec);
    this.byName.set(key(rec.kind, rec.name), rec);
  }

  private link(groupId: string, memberId: string): void {
    if (!this.members.has(groupId)) this.members.set(groupId, new Set());
    if (!this.parents.has(memberId)) this.parents.set(memberId, new Set());
    this.members.get(groupId)?.add(memberId);
    this.parents.get(memberId)?.add(groupId);
  }
}

function toRow(r: PrincipalRecord): Array<string | number | boolean | null> {
  return [
    r.id,
    r.kind,
    r.name,
    r.displayName,
    r.givenName,
    r.familyName,
    r.active,
    r.externalId,
    JSON.stringify(r.entitlements),
    r.createdAt,
  ];
}

function fromRow(r: Record<string, unknown>): PrincipalRecord {
  return {
    id: String(r.id),
    kind: r.kind as PrincipalKind,
    name: String(r.name),
    displayName: String(r.display_name ?? r.name),
    givenName: (r.given_name as string | null) ?? null,
    familyName: (r.family_name as string | null) ?? null,
    active: Boolean(r.active),
    externalId: (r.external_id as string | null) ?? null,
    entitlements: JSON.parse(String(r.entitlements ?? '[]')) as string[],
    createdAt: Number(r.created_at),
  };
}
