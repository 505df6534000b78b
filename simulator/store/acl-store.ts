// Direct grants of the generic permissions API (jobs, clusters, cluster policies, the token authorization object),
// cached per object because the token ACL is read on every PAT-authenticated request.
import type { SimDb } from '../core/db';

export type AclPrincipalKind = 'user' | 'group' | 'service_principal';

export interface AclEntry {
  principalKind: AclPrincipalKind;
  principalName: string;
  permissionLevel: string;
}

export class AclStore {
  private cache = new Map<string, AclEntry[]>();

  constructor(private readonly db: SimDb) {}

  async list(objectType: string, objectId: string): Promise<AclEntry[]> {
    const k = `${objectType}/${objectId}`;
    const hit = this.cache.get(k);
    if (hit) return hit;
    const rows = await this.db.all<{ principal_kind: AclPrincipalKind; principal_name: string; permission_level: string }>(
      'SELECT principal_kind, principal_name, permission_level FROM ws.acls WHERE object_type = ? AND object_id = ? ORDER BY principal_name',
      [objectType, objectId],
    );
    const entries = rows.map((r) => ({
      principalKind: r.principal_kind,
      principalName: r.principal_name,
      permissionLevel: r.permission_level,
    }));
    this.cache.set(k, entries);
    return entries;
  }

  async replace(objectType: string, objectId: string, entries: AclEntry[]): Promise<void> {
    await this.db.exclusive(() => this.write(objectType, objectId, entries));
  }

  /** PATCH semantics: an entry for a principal that already has one replaces it. Read and write as one section, or
   *  two concurrent merges each drop the other's entry. */
  async merge(objectType: string, objectId: string, entries: AclEntry[]): Promise<void> {
    await this.db.exclusive(async () => {
      const current = await this.list(objectType, objectId);
      const sameAs = (a: AclEntry) => (b: AclEntry) => a.principalKind === b.principalKind && a.principalName === b.principalName;
      const kept = current.filter((c) => !entries.some(sameAs(c)));
      await this.write(objectType, objectId, [...kept, ...entries]);
    });
  }

  async removeObject(objectType: string, objectId: string): Promise<void> {
    await this.replace(objectType, objectId, []);
  }

  private async write(objectType: string, objectId: string, entries: AclEntry[]): Promise<void> {
    await this.db.transaction(async (c) => {
      await c.run('DELETE FROM ws.acls WHERE object_type = ? AND object_id = ?', [objectType, objectId]);
      for (const e of entries) {
        await c.run('INSERT INTO ws.acls VALUES (?, ?, ?, ?, ?)', [
          objectType,
          objectId,
          e.principalKind,
          e.principalName,
          e.permissionLevel,
        ]);
      }
    });
    this.cache.delete(`${objectType}/${objectId}`);
  }
}
