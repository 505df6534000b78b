// Who may read Unity Catalog metadata over REST, per object kind, as Databricks' API reference states it (the Go
// SDK's doc comments of CatalogsAPI, SchemasAPI, TablesAPI, FunctionsAPI and VolumesAPI). Metastore admins (members
// of `admins`) see everything. Ownership counts through groups and reaches down the tree, as everywhere else.
import type { Principal } from '../core/contract';
import { principalSet } from './principals';
import type { PrivilegeModel, Securable } from './privileges';

export interface Caller {
  principals: ReadonlySet<string>;
  isAdmin: boolean;
}

export const callerOf = (p: Principal): Caller => ({ principals: principalSet(p), isAdmin: p.isAdmin });

const catalogOf = (fullName: string): Securable => ({ type: 'catalog', fullName: fullName.split('.')[0] as string, kind: 'catalog' });
const schemaOf = (fullName: string): Securable => ({
  type: 'schema',
  fullName: fullName.split('.').slice(0, 2).join('.'),
  kind: 'schema',
});
const owns = (model: PrivilegeModel, s: Securable, c: Caller) => {
  const owner = model.owner(s);
  return owner !== undefined && c.principals.has(owner);
};

export class MetadataAccess {
  constructor(
    private readonly model: PrivilegeModel,
    private readonly caller: Caller,
  ) {}

  /** Catalogs: the owner, or USE CATALOG. */
  catalog(name: string): boolean {
    return this.caller.isAdmin || this.model.has(catalogOf(name), this.caller.principals, 'USE_CATALOG');
  }

  /** Schemas: the owner of the schema or its catalog, or USE SCHEMA (granted on it or its catalog). */
  schema(fullName: string): boolean {
    if (this.caller.isAdmin || owns(this.model, catalogOf(fullName), this.caller)) return true;
    return this.model.has(schemaOf(fullName), this.caller.principals, 'USE_SCHEMA');
  }

  /** Tables: USE CATALOG and USE SCHEMA on the way, and ownership or SELECT (owners of the catalog, or of the
   *  schema with USE CATALOG, pass through ownership). */
  table(fullName: string, kind: 'table' | 'view'): boolean {
    return this.caller.isAdmin || this.model.missingForUse({ type: 'table', fullName, kind }, this.caller.principals, 'SELECT') === null;
  }

  /** Functions: the catalog's owner; USE CATALOG and the function's owner; or USE CATALOG, USE SCHEMA and EXECUTE. */
  fn(fullName: string): boolean {
    const c = this.caller;
    if (c.isAdmin || owns(this.model, catalogOf(fullName), c)) return true;
    const fn: Securable = { type: 'function', fullName, kind: 'function' };
    if (owns(this.model, fn, c) && this.model.has(catalogOf(fullName), c.principals, 'USE_CATALOG')) return true;
    return this.model.missingForUse(fn, c.principals, 'EXECUTE') === null;
  }

  /** Listing a schema's functions needs USE CATALOG and USE SCHEMA (then only functions one may execute or owns). */
  functionsIn(schemaFullName: string): boolean {
    return this.caller.isAdmin || this.model.missingForUse(schemaOf(schemaFullName), this.caller.principals, 'USE_SCHEMA') === null;
  }

  /** Volumes: USE CATALOG and USE SCHEMA on the way, and ownership or READ VOLUME. */
  volume(fullName: string): boolean {
    return (
      this.caller.isAdmin ||
      this.model.missingForUse({ type: 'volume', fullName, kind: 'volume' }, this.caller.principals, 'READ_VOLUME') === null
    );
  }
}
