// Building blocks of the information_schema views (info-schema*.ts): the caller's identity comes from the
// per-session variables `sim_admin` and `sim_principals` (their name, groups, 'users' and 'account users'), so one
// view answers for whoever queries it.
import { GRANTABLE, type ObjectKind } from './privileges';

export const ADMIN = `getvariable('sim_admin')`;

/** True when the principal in `col` is the caller or one of the caller's groups. */
export const mine = (col: string) => `list_contains(getvariable('sim_principals'), ${col})`;

/** An object below a schema that has its own metadata table and privileges. */
export interface LeafKind {
  kind: Extract<ObjectKind, 'table' | 'function' | 'volume'>;
  metaTable: 'tables' | 'functions' | 'volumes';
  nameColumn: 'table_name' | 'function_name' | 'volume_name';
}

export const LEAVES = {
  table: { kind: 'table', metaTable: 'tables', nameColumn: 'table_name' },
  function: { kind: 'function', metaTable: 'functions', nameColumn: 'function_name' },
  volume: { kind: 'volume', metaTable: 'volumes', nameColumn: 'volume_name' },
} as const satisfies Record<string, LeafKind>;

export class ViewSql {
  /** `"<main db>".uc_meta` */
  readonly m: string;

  constructor(
    mainDb: string,
    /** null for system.information_schema (every catalog). */
    private readonly catalog: string | null,
  ) {
    this.m = `"${mainDb.replace(/"/g, '""')}".uc_meta`;
  }

  onlyCatalog(col: string): string {
    return this.catalog === null ? 'true' : `${col} = '${this.catalog.replace(/'/g, "''")}'`;
  }

  /** The caller's own grants (to them or their groups). */
  get myGrants(): string {
    return `(SELECT securable_type, securable_full_name, privilege FROM ${this.m}.grants WHERE ${mine('principal')})`;
  }

  /** Privileges granted on a parent that apply to (and so are inherited by) objects of this kind. */
  applicable(kind: ObjectKind): string {
    const rows = [...GRANTABLE[kind]].map((p) => `('${p}')`).join(', ');
    return `(SELECT * FROM (VALUES ${rows}) AS a(privilege))`;
  }

  /** Rows of a leaf's metadata table with `schema_full`, `full_name`, `s_owner` and `c_owner` joined in. */
  leafScope(leaf: LeafKind): string {
    return `(SELECT t.*, t.catalog_name || '.' || t.schema_name AS schema_full,
        t.catalog_name || '.' || t.schema_name || '.' || t.${leaf.nameColumn} AS full_name, s.owner AS s_owner, c.owner AS c_owner
      FROM ${this.m}.${leaf.metaTable} t JOIN ${this.m}.schemas s USING (catalog_name, schema_name)
        JOIN ${this.m}.catalogs c USING (catalog_name)
      WHERE ${this.onlyCatalog('t.catalog_name')})`;
  }

  /** A leaf row `t` (from leafScope) the caller may see: admin, an owner on the way, or a privilege reaching it
   *  (same rule as PrivilegeModel.isVisible). */
  leafVisible(leaf: LeafKind): string {
    const reaching = `privilege IN (SELECT privilege FROM ${this.applicable(leaf.kind)})`;
    return `(${ADMIN} OR ${mine('t.owner')} OR ${mine('t.s_owner')} OR ${mine('t.c_owner')}
      OR t.full_name IN (SELECT securable_full_name FROM ${this.myGrants} WHERE securable_type = '${leaf.kind}')
      OR t.schema_full IN (SELECT securable_full_name FROM ${this.myGrants} WHERE securable_type = 'schema' AND ${reaching})
      OR t.catalog_name IN (SELECT securable_full_name FROM ${this.myGrants} WHERE securable_type = 'catalog' AND ${reaching}))`;
  }

  visibleLeaves(leaf: LeafKind): string {
    return `(SELECT * FROM ${this.leafScope(leaf)} t WHERE ${this.leafVisible(leaf)})`;
  }

  /** Grants on a leaf and those inherited from its schema and catalog where they apply, with the leaf's columns
   *  and `inherited_from` ('NONE' for a grant on the leaf itself). One equi-join per level: an OR join would be a
   *  nested loop over every grant. Rows limited to admins, grants to the caller and objects the caller owns. */
  leafPrivileges(leaf: LeafKind): string {
    const applies = `g.privilege IN (SELECT privilege FROM ${this.applicable(leaf.kind)})`;
    return `(WITH t AS ${this.leafScope(leaf)},
      j AS (SELECT t.*, g.* FROM t JOIN ${this.m}.grants g ON g.securable_type = '${leaf.kind}' AND g.securable_full_name = t.full_name
        UNION ALL BY NAME
        SELECT t.*, g.* FROM t JOIN ${this.m}.grants g ON g.securable_type = 'schema' AND g.securable_full_name = t.schema_full
        WHERE ${applies}
        UNION ALL BY NAME
        SELECT t.*, g.* FROM t JOIN ${this.m}.grants g ON g.securable_type = 'catalog' AND g.securable_full_name = t.catalog_name
        WHERE ${applies})
      SELECT j.*, CASE j.securable_type WHEN '${leaf.kind}' THEN 'NONE' ELSE j.securable_full_name END AS inherited_from
      FROM j WHERE ${this.grantVisible(['j.owner', 'j.s_owner', 'j.c_owner'], 'j')})`;
  }

  grantVisible(owners: string[], alias = 'g'): string {
    return `(${ADMIN} OR ${mine(`${alias}.principal`)} OR ${owners.map(mine).join(' OR ')})`;
  }
}

/** NULL-typed detail columns Databricks reserves (numeric precision and friends). */
export const TYPE_DETAIL_COLUMNS = `CAST(NULL AS BIGINT) AS character_maximum_length, CAST(NULL AS BIGINT) AS character_octet_length,
  CAST(NULL AS INTEGER) AS numeric_precision, CAST(NULL AS INTEGER) AS numeric_precision_radix,
  CAST(NULL AS INTEGER) AS numeric_scale, CAST(NULL AS INTEGER) AS datetime_precision,
  CAST(NULL AS VARCHAR) AS interval_type, CAST(NULL AS INTEGER) AS interval_precision,
  CAST(NULL AS BIGINT) AS maximum_cardinality`;

/** `DECIMAL(12, 2)` → full_data_type `decimal(12,2)`; data_type `DECIMAL`. */
export const fullType = (col: string) => `lower(replace(${col}, ' ', ''))`;
export const baseType = (col: string) => `upper(regexp_extract(${col}, '^[A-Za-z_]+'))`;
