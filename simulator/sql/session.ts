// One SQL session = one DuckDB connection carrying the caller's identity: temp macros for the Databricks functions
// DuckDB lacks (shims.ts) and variables for current_user(), is_account_group_member() and information_schema
// visibility. Statements of a session run one at a time, as on one DuckDB connection they must.
import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Principal } from '../core/contract';
import type { SimDb } from '../core/db';
import { principalSet } from '../uc/principals';
import { type CatalogNames, quoteIdent } from '../uc/names';
import { CREATE_SHIMS_SQL } from './shims';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: Iterable<string>) => `[${[...xs].map(lit).join(', ')}]::VARCHAR[]`;

/** SQL that gives a connection the shims and an identity. */
export function identitySql(principal: Pick<Principal, 'name' | 'groups' | 'isAdmin'>): string {
  return `${CREATE_SHIMS_SQL}
    SET VARIABLE sim_user = ${lit(principal.name)};
    SET VARIABLE sim_groups = ${list(new Set(['account users', ...principal.groups]))};
    SET VARIABLE sim_principals = ${list(principalSet(principal))};
    SET VARIABLE sim_admin = ${principal.isAdmin ? 'true' : 'false'};`;
}

export class SqlSession {
  readonly id = randomUUID();
  lastUsed = Date.now();
  catalog = '';
  schema = '';
  readonly principals: ReadonlySet<string>;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly conn: DuckDBConnection,
    readonly principal: Principal,
    private readonly names: CatalogNames,
  ) {
    this.principals = principalSet(principal);
  }

  static async open(db: SimDb, principal: Principal, names: CatalogNames): Promise<SqlSession> {
    const conn = await db.connect();
    await conn.run(identitySql(principal));
    return new SqlSession(conn, principal, names);
  }

  /** Runs `fn` after every earlier statement of this session has finished. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  async use(catalog: string, schema: string): Promise<void> {
    await this.conn.run(`USE ${quoteIdent(this.names.duck(catalog))}.${quoteIdent(this.names.duckSchema(schema))};
      SET VARIABLE sim_catalog = ${lit(catalog)}; SET VARIABLE sim_schema = ${lit(schema)};`);
    this.catalog = catalog;
    this.schema = schema;
  }

  close(): void {
    this.conn.closeSync();
  }
}
