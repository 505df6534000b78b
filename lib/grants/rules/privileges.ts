// Unity Catalog's privilege model as Brickwatch needs it (API reference §10.2–10.3): the securable types the grant
// screens cover, the privileges grantable on each, how a privilege granted on a catalog or schema reaches what is
// inside, and one spelling for everything. Databricks answers USE_CATALOG in REST and information_schema and writes
// USE CATALOG in SQL; Brickwatch speaks SQL's spelling everywhere and converts at the edges.

export const SECURABLE_TYPES = ['CATALOG', 'SCHEMA', 'TABLE', 'VIEW', 'VOLUME', 'FUNCTION'] as const;
export type SecurableType = (typeof SECURABLE_TYPES)[number];

/** Object types that live inside a schema. */
export type LeafType = Exclude<SecurableType, 'CATALOG' | 'SCHEMA'>;

/** Every privilege a Unity Catalog (privilege model 1.0) catalog, schema or object can carry, in SQL spelling. */
export const PRIVILEGES = [
  'ALL PRIVILEGES',
  'APPLY TAG',
  'BROWSE',
  'CREATE FUNCTION',
  'CREATE MATERIALIZED VIEW',
  'CREATE MODEL',
  'CREATE SCHEMA',
  'CREATE TABLE',
  'CREATE VOLUME',
  'EXECUTE',
  'MANAGE',
  'MODIFY',
  'READ VOLUME',
  'REFRESH',
  'SELECT',
  'USE CATALOG',
  'USE SCHEMA',
  'WRITE VOLUME',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

/** The pre-1.0 and Hive-metastore traversal privilege; found in a Unity Catalog grant, it is flagged. */
export const LEGACY_USAGE = 'USAGE';

/** `use_catalog`, `USE_CATALOG`, `Use  Catalog` → `USE CATALOG`. Unknown names keep their words, upper-cased. */
export function sqlPrivilege(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[_\s]+/g, ' ');
}

/** The REST / information_schema / Terraform spelling: `USE CATALOG` → `USE_CATALOG`. */
export function restPrivilege(privilege: string): string {
  return sqlPrivilege(privilege).replace(/ /g, '_');
}

export function isPrivilege(value: string): value is Privilege {
  return (PRIVILEGES as readonly string[]).includes(value);
}

const INHERITABLE_FROM_SCHEMA: Privilege[] = ['EXECUTE', 'MODIFY', 'REFRESH', 'SELECT', 'READ VOLUME', 'WRITE VOLUME'];

/** What may be granted on each type, including what a catalog or schema passes down to the objects inside. */
export const GRANTABLE: Record<SecurableType, ReadonlySet<Privilege>> = {
  CATALOG: new Set<Privilege>([
    'ALL PRIVILEGES',
    'APPLY TAG',
    'BROWSE',
    'CREATE SCHEMA',
    'MANAGE',
    'USE CATALOG',
    'CREATE FUNCTION',
    'CREATE MATERIALIZED VIEW',
    'CREATE MODEL',
    'CREATE TABLE',
    'CREATE VOLUME',
    'USE SCHEMA',
    ...INHERITABLE_FROM_SCHEMA,
  ]),
  SCHEMA: new Set<Privilege>([
    'ALL PRIVILEGES',
    'APPLY TAG',
    'BROWSE',
    'CREATE FUNCTION',
    'CREATE MATERIALIZED VIEW',
    'CREATE MODEL',
    'CREATE TABLE',
    'CREATE VOLUME',
    'MANAGE',
    'USE SCHEMA',
    ...INHERITABLE_FROM_SCHEMA,
  ]),
  TABLE: new Set<Privilege>(['ALL PRIVILEGES', 'APPLY TAG', 'MANAGE', 'MODIFY', 'REFRESH', 'SELECT']),
  VIEW: new Set<Privilege>(['ALL PRIVILEGES', 'APPLY TAG', 'MANAGE', 'SELECT']),
  VOLUME: new Set<Privilege>(['ALL PRIVILEGES', 'APPLY TAG', 'MANAGE', 'READ VOLUME', 'WRITE VOLUME']),
  FUNCTION: new Set<Privilege>(['ALL PRIVILEGES', 'EXECUTE', 'MANAGE']),
};

/** Whether a privilege granted on an ancestor reaches an object of `type` (it does where it is grantable there). */
export function reaches(privilege: string, type: SecurableType): boolean {
  return GRANTABLE[type].has(sqlPrivilege(privilege) as Privilege);
}

/** How many dot-separated parts a full name of this type has. */
export function namePartsOf(type: SecurableType): 1 | 2 | 3 {
  return type === 'CATALOG' ? 1 : type === 'SCHEMA' ? 2 : 3;
}

/** `analytics.gold.customers` → its catalog, schema and the chain of ancestors. */
export function splitFullName(fullName: string): { catalog: string; schema: string | null; object: string | null } {
  const [catalog = '', schema = null, object = null] = fullName.split('.');
  return { catalog, schema, object };
}

export function parentOf(fullName: string): string | null {
  const i = fullName.lastIndexOf('.');
  return i < 0 ? null : fullName.slice(0, i);
}

/** The privilege that reads an object of this type (SELECT on tables and views, READ VOLUME, EXECUTE). */
export function readPrivilegeOf(type: LeafType): Privilege {
  return type === 'VOLUME' ? 'READ VOLUME' : type === 'FUNCTION' ? 'EXECUTE' : 'SELECT';
}

/** Privileges that change data or create objects: what a curated (gold) layer keeps to its pipelines. */
export const WRITE_PRIVILEGES: ReadonlySet<string> = new Set([
  'ALL PRIVILEGES',
  'MODIFY',
  'CREATE TABLE',
  'CREATE MATERIALIZED VIEW',
  'CREATE VOLUME',
  'CREATE FUNCTION',
  'CREATE MODEL',
  'WRITE VOLUME',
  'REFRESH',
]);

/**
 * information_schema answers a table's type (`MANAGED`, `EXTERNAL`, `VIEW`, `MATERIALIZED_VIEW`, …). Only a plain view
 * is granted `ON VIEW`; materialized views and streaming tables take `ON TABLE`.
 */
export function leafTypeOfTable(tableType: string | null): 'TABLE' | 'VIEW' {
  return tableType !== null && /^VIEW$/i.test(tableType.trim()) ? 'VIEW' : 'TABLE';
}
