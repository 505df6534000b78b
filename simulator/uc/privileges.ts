// Unity Catalog privilege maths (privilege model 1.0), pure. Used for every access decision the simulator makes
// (SELECT on a table, GRANT/REVOKE, masks and filters, SHOW GRANTS, effective permissions), so SQL and REST agree.
//
// Rules (reference §10.2), with the simulator's choices where the reference is silent:
// - a privilege granted on a catalog or schema is inherited by every descendant on which it is grantable
//   (SELECT on a catalog reaches its tables; USE CATALOG does not reach schemas);
// - ALL PRIVILEGES expands at check time to everything grantable on the object except MANAGE and EXTERNAL USE *;
// - the owner of an object holds every privilege on it, and — like a grant — that reaches its descendants;
// - reading a table also needs USE CATALOG on its catalog and USE SCHEMA on its schema, owners included.

export type SecurableType = 'catalog' | 'schema' | 'table' | 'function' | 'volume';
/** A table's kind matters only for what may be granted on it. */
export type ObjectKind = SecurableType | 'view';

const CATALOG_INHERITABLE = [
  'CREATE_FUNCTION',
  'CREATE_MATERIALIZED_VIEW',
  'CREATE_MODEL',
  'CREATE_TABLE',
  'CREATE_VOLUME',
  'EXECUTE',
  'MODIFY',
  'READ_VOLUME',
  'REFRESH',
  'SELECT',
  'USE_SCHEMA',
  'WRITE_VOLUME',
  'BROWSE',
];

export const GRANTABLE: Record<ObjectKind, ReadonlySet<string>> = {
  catalog: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'CREATE_CONNECTION', 'CREATE_SCHEMA', 'MANAGE', 'USE_CATALOG', ...CATALOG_INHERITABLE]),
  schema: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', ...CATALOG_INHERITABLE]),
  table: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'SELECT', 'MODIFY', 'BROWSE']),
  view: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'SELECT', 'BROWSE']),
  function: new Set(['ALL_PRIVILEGES', 'EXECUTE', 'MANAGE']),
  volume: new Set(['ALL_PRIVILEGES', 'APPLY_TAG', 'MANAGE', 'READ_VOLUME', 'WRITE_VOLUME']),
};

/** Everything the REST `Privilege` enum knows (reference §10.1). */
export const KNOWN_PRIVILEGES: ReadonlySet<string> = new Set(
  (
    'ACCESS ALL_PRIVILEGES APPLY_TAG BROWSE CREATE CREATE_CATALOG CREATE_CLEAN_ROOM CREATE_CONNECTION CREATE_EXTERNAL_LOCATION ' +
    'CREATE_EXTERNAL_TABLE CREATE_EXTERNAL_VOLUME CREATE_FOREIGN_CATALOG CREATE_FOREIGN_SECURABLE CREATE_FUNCTION ' +
    'CREATE_MANAGED_STORAGE CREATE_MATERIALIZED_VIEW CREATE_MODEL CREATE_PROVIDER CREATE_RECIPIENT CREATE_SCHEMA ' +
    'CREATE_SERVICE_CREDENTIAL CREATE_SHARE CREATE_STORAGE_CREDENTIAL CREATE_TABLE CREATE_VIEW CREATE_VOLUME EXECUTE ' +
    'EXECUTE_CLEAN_ROOM_TASK EXTERNAL_USE_SCHEMA MANAGE MANAGE_ALLOWLIST MODIFY MODIFY_CLEAN_ROOM READ_FILES READ_METADATA ' +
    'READ_PRIVATE_FILES READ_VOLUME REFRESH SELECT SET_SHARE_PERMISSION USAGE USE_CATALOG USE_CONNECTION ' +
    'USE_MARKETPLACE_ASSETS USE_PROVIDER USE_RECIPIENT USE_SCHEMA USE_SHARE WRITE_FILES WRITE_PRIVATE_FILES WRITE_VOLUME'
  ).split(' '),
);

const NOT_IN_ALL = new Set(['ALL_PRIVILEGES', 'MANAGE', 'EXTERNAL_USE_SCHEMA', 'EXTERNAL_USE_LOCATION']);

/** 'use catalog' / 'USE CATALOG' / 'use_catalog' → 'USE_CATALOG'. */
export function normalizePrivilege(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '_');
}

/** SQL spelling: 'USE_CATALOG' → 'USE CATALOG'. */
export function sqlPrivilege(privilege: string): string {
  return privilege.replace(/_/g, ' ');
}

/** Why `privilege` cannot be granted on an object of this kind, or null when it can. */
export function privilegeProblem(privilege: string, kind: ObjectKind): string | null {
  if (privilege === 'USAGE') {
    return `USAGE is a legacy Hive metastore privilege and is not valid on Unity Catalog securables; grant USE ${kind === 'schema' ? 'SCHEMA' : 'CATALOG'} instead.`;
  }
  if (!KNOWN_PRIVILEGES.has(privilege)) return `Unknown privilege ${sqlPrivilege(privilege)}.`;
  if (!GRANTABLE[kind].has(privilege)) return `Privilege ${sqlPrivilege(privilege)} is not applicable to ${kind.toUpperCase()}.`;
  return null;
}

export interface Grant {
  securableType: SecurableType;
  fullName: string;
  principal: string;
  privilege: string;
}

export interface Securable {
  type: SecurableType;
  fullName: string;
  kind: ObjectKind;
}

export interface EffectivePrivilege {
  privilege: string;
  /** Absent for a grant made on the object itself. */
  inheritedFrom?: { type: SecurableType; fullName: string };
}

/** The securable and its ancestors, nearest first: table → schema → catalog. */
export function lineage(s: Securable): Securable[] {
  const parts = s.fullName.split('.');
  const out: Securable[] = [s];
  if (parts.length >= 3) out.push({ type: 'schema', fullName: parts.slice(0, 2).join('.'), kind: 'schema' });
  if (parts.length >= 2) out.push({ type: 'catalog', fullName: parts[0] as string, kind: 'catalog' });
  return out;
}

const keyOf = (type: SecurableType, fullName: string) => `${type}:${fullName}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class PrivilegeModel {
  private byObject = new Map<string, Grant[]>();
  /** Grants by grantee, so visibility checks read only the caller's grants (thousands of tables at large scale). */
  private byPrincipal = new Map<string, Grant[]>();

  constructor(
    grants: readonly Grant[],
    /** Owner by `${type}:${fullName}`. */
    private readonly owners: ReadonlyMap<string, string>,
  ) {
    for (const g of grants) {
      push(this.byObject, keyOf(g.securableType, g.fullName), g);
      push(this.byPrincipal, g.principal, g);
    }
  }

  /** Every grant to any of the given principals. */
  grantsTo(principals: ReadonlySet<string>): Grant[] {
    return [...principals].flatMap((p) => this.byPrincipal.get(p) ?? []);
  }

  /** Grants made on the object itself. */
  direct(s: Pick<Securable, 'type' | 'fullName'>): readonly Grant[] {
    return this.byObject.get(keyOf(s.type, s.fullName)) ?? [];
  }

  owner(s: Pick<Securable, 'type' | 'fullName'>): string | undefined {
    return this.owners.get(keyOf(s.type, s.fullName));
  }

  /** Grants on the object and those inherited from its ancestors that apply to it, for the given principals
   *  (all principals when omitted). ALL PRIVILEGES is reported as granted, not expanded. */
  effective(s: Securable, principals?: ReadonlySet<string>): Array<EffectivePrivilege & { principal: string }> {
    const out: Array<EffectivePrivilege & { principal: string }> = [];
    for (const anc of lineage(s)) {
      for (const g of this.direct(anc)) {
        if (principals && !principals.has(g.principal)) continue;
        if (!GRANTABLE[s.kind].has(g.privilege)) continue;
        const entry = { principal: g.principal, privilege: g.privilege };
        out.push(anc === s ? entry : { ...entry, inheritedFrom: { type: anc.type, fullName: anc.fullName } });
      }
    }
    return out;
  }

  ownsOrInherits(s: Securable, principals: ReadonlySet<string>): boolean {
    return lineage(s).some((anc) => {
      const owner = this.owner(anc);
      return owner !== undefined && principals.has(owner);
    });
  }

  has(s: Securable, principals: ReadonlySet<string>, privilege: string): boolean {
    if (!GRANTABLE[s.kind].has(privilege)) return false;
    if (this.ownsOrInherits(s, principals)) return true;
    return this.effective(s, principals).some(
      (e) => e.privilege === privilege || (e.privilege === 'ALL_PRIVILEGES' && !NOT_IN_ALL.has(privilege)),
    );
  }

  /** The first missing step on the way to `privilege` on `s`: USE CATALOG, then USE SCHEMA, then the privilege. */
  missingForUse(s: Securable, principals: ReadonlySet<string>, privilege: string): { privilege: string; on: Securable } | null {
    const chain = lineage(s).reverse();
    const catalog = chain[0] as Securable;
    if (!this.has(catalog, principals, 'USE_CATALOG')) return { privilege: 'USE_CATALOG', on: catalog };
    const schema = chain.find((x) => x.type === 'schema');
    if (schema && !this.has(schema, principals, 'USE_SCHEMA')) return { privilege: 'USE_SCHEMA', on: schema };
    if (s.type === 'catalog' && privilege === 'USE_CATALOG') return null;
    if (s.type === 'schema' && privilege === 'USE_SCHEMA') return null;
    return this.has(s, principals, privilege) ? null : { privilege, on: s };
  }

  /** Listed to the caller (SHOW, REST reads, information_schema): they own it or an ancestor, hold a privilege that
   *  reaches it (directly or inherited), or hold a grant on something inside it. */
  isVisible(s: Securable, principals: ReadonlySet<string>, isAdmin: boolean): boolean {
    if (isAdmin || this.ownsOrInherits(s, principals) || this.effective(s, principals).length > 0) return true;
    return this.grantsTo(principals).some((g) => g.fullName.startsWith(`${s.fullName}.`));
  }

  /** May change grants (and masks/filters) on `s`: metastore admin, an owner up the lineage, or MANAGE
   *  together with the USE prerequisites. */
  canManage(s: Securable, principals: ReadonlySet<string>, isAdmin: boolean): boolean {
    if (isAdmin || this.ownsOrInherits(s, principals)) return true;
    return this.missingForUse(s, principals, 'MANAGE') === null;
  }
}
