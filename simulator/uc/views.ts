// Makes Unity Catalog queryable in DuckDB: each UC catalog is an in-memory attached DuckDB catalog holding
// only views and macros, rebuilt from uc_meta whenever its structure changes. A table's view reads its storage
// in the main database and applies column masks and the row filter, which are UC SQL functions turned into
// DuckDB macros. Identity functions inside them are per-connection temp macros, so one view answers for
// whoever queries it. Access checks happen before execution (access.ts), not in the views.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SimDb } from '../core/db';
import type { Translator } from '../sql/translate';
import { INFO_SCHEMA_VIEWS, infoSchemaViewSql } from './info-schema';
import { ucErrors } from './errors';
import { type CatalogNames, INFO_SCHEMA_DUCK, duckRef, quoteIdent } from './names';
import { type FunctionMeta, type Structure, type TableMeta, changesSince, structure, ucVersion } from './store';
import { databricksTypeOf, duckTypeOf } from './types';

export class CatalogViews {
  private built = 0;
  private attached = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: SimDb,
    /** A connection with the shim macros installed (view bodies are bound when created). */
    private readonly conn: DuckDBConnection,
    readonly names: CatalogNames,
    private readonly translator: Translator,
  ) {}

  /** Brings the views up to the current UC structure; concurrent callers share one rebuild. */
  sync(): Promise<void> {
    return this.serial(async () => {
      const target = ucVersion(this.db);
      if (target === this.built) return;
      const changes = this.built === 0 ? 'all' : changesSince(this.db, this.built);
      const st = await structure(this.db);
      if (changes === 'all') await this.buildAll(st);
      else {
        await this.buildMacros(st);
        for (const name of changes) await this.buildTableOrDrop(st, name);
      }
      this.built = target;
    });
  }

  /** Binds a table's would-be view without creating it; throws DuckDB's error when it cannot work. */
  validate(candidate: TableMeta): Promise<void> {
    return this.serial(async () => {
      const st = await structure(this.db);
      await this.conn.run(`SELECT * FROM (${this.viewBody(candidate, st)}) LIMIT 0`).catch((err: Error) => {
        throw ucErrors.invalid(`The mask or row filter cannot be applied to ${candidate.fullName}: ${err.message}`);
      });
    });
  }

  /** Creates (or replaces) a function's macro; throws when its body cannot be translated or parsed. */
  defineFunction(fn: FunctionMeta): Promise<void> {
    return this.serial(() =>
      this.exec(this.macroSql(fn)).catch((err: Error) => {
        throw ucErrors.invalid(`The body of ${fn.fullName} is not valid: ${err.message}`, 'INVALID_ROUTINE');
      }),
    );
  }

  /** The Databricks type a function returns, for one declared without RETURNS (Databricks derives it from the body). */
  inferReturnType(fn: FunctionMeta): Promise<string> {
    return this.serial(async () => {
      const args = fn.params.map((p) => `CAST(NULL AS ${duckTypeOf(p.type)})`).join(', ');
      const reader = await this.conn.runAndReadAll(`SELECT typeof(${duckRef(fn.fullName, this.names)}(${args}))`);
      return databricksTypeOf(String(reader.getRows()[0]?.[0]));
    });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    // The queue only orders work; each caller handles its own failure through `run`.
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async exec(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  private async buildAll(st: Structure): Promise<void> {
    for (const catalog of st.catalogs.keys()) {
      const duck = this.names.duck(catalog);
      if (!this.attached.has(duck)) {
        await this.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${quoteIdent(duck)}`);
        this.attached.add(duck);
      }
      const schemas = [...st.schemas.keys()].filter((s) => s.startsWith(`${catalog}.`)).map((s) => s.slice(catalog.length + 1));
      const ddl = [...new Set([...schemas.map((s) => this.names.duckSchema(s)), INFO_SCHEMA_DUCK])].map(
        (s) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(duck)}.${quoteIdent(s)};`,
      );
      await this.exec(ddl.join('\n'));
    }
    // Functions before views: a view's body is bound when it is created.
    await this.buildMacros(st);
    for (const catalog of st.catalogs.keys()) {
      const tables = [...st.tables.values()].filter((t) => t.catalog === catalog);
      const info = INFO_SCHEMA_VIEWS.map(
        (v) => `CREATE OR REPLACE VIEW ${quoteIdent(this.names.duck(catalog))}.${INFO_SCHEMA_DUCK}.${v} AS
          ${infoSchemaViewSql(v, this.names.mainDb, catalog === 'system' ? null : catalog)};`,
      );
      // One transaction per attached catalog (DuckDB writes to one attached database per transaction); if any
      // view fails to bind, build them one by one so only that table is left without a view.
      const ddl = [...tables.map((t) => `${this.viewSql(t, st)};`), ...info];
      await this.exec(['BEGIN;', ...ddl, 'COMMIT;'].join('\n')).catch(async () => {
        await this.exec('ROLLBACK').catch(() => undefined);
        for (const one of ddl) await this.exec(one).catch((err: Error) => console.error(`[sql] view not built: ${err.message}`));
      });
    }
  }

  /** A function whose body cannot be translated is logged and skipped; tables masked with it lose their view. */
  private async buildMacros(st: Structure): Promise<void> {
    for (const fn of st.functions.values()) {
      await this.exec(this.macroSql(fn)).catch((err: Error) => console.error(`[sql] function ${fn.fullName} not defined: ${err.message}`));
    }
  }

  private async buildTableOrDrop(st: Structure, fullName: string): Promise<void> {
    const t = st.tables.get(fullName);
    // A table whose view cannot be rebuilt keeps its previous view; it must not stall every other statement.
    const sql = t ? this.viewSql(t, st) : `DROP VIEW IF EXISTS ${duckRef(fullName, this.names)}`;
    await this.exec(sql).catch((err: Error) => console.error(`[sql] view for ${fullName} not rebuilt: ${err.message}`));
  }

  /** The SELECT a table's view runs: masks on columns, the row filter as WHERE. */
  viewBody(t: TableMeta, st: Structure): string {
    const [schema, table] = t.storage.split('.') as [string, string];
    const from = `${quoteIdent(this.names.mainDb)}.${quoteIdent(schema)}.${quoteIdent(table)} AS t`;
    const typeOf = new Map(t.columns.map((c) => [c.name, c.type]));
    const args = (fn: FunctionMeta | undefined, inputs: string[]) =>
      inputs.map((input, i) => {
        const param = fn?.params[i];
        const value = typeOf.has(input) ? `t.${quoteIdent(input)}` : input;
        return param ? `CAST(${value} AS ${duckTypeOf(param.type)})` : value;
      });
    const cols = t.columns.map((c) => {
      const mask = t.masks.get(c.name);
      if (!mask) return `t.${quoteIdent(c.name)}`;
      const call = `${duckRef(mask.fn, this.names)}(${args(st.functions.get(mask.fn), [c.name, ...mask.using]).join(', ')})`;
      return `CAST(${call} AS ${duckTypeOf(c.type)}) AS ${quoteIdent(c.name)}`;
    });
    const filter = t.rowFilter;
    const where = filter
      ? ` WHERE coalesce(${duckRef(filter.fn, this.names)}(${args(st.functions.get(filter.fn), filter.inputs).join(', ')}), false)`
      : '';
    return `SELECT ${cols.join(', ')} FROM ${from}${where}`;
  }

  private viewSql(t: TableMeta, st: Structure): string {
    return `CREATE OR REPLACE VIEW ${duckRef(t.fullName, this.names)} AS ${this.viewBody(t, st)}`;
  }

  macroSql(fn: FunctionMeta): string {
    const body = this.translateExpression(fn.body);
    const params = fn.params.map((p) => quoteIdent(p.name)).join(', ');
    return `CREATE OR REPLACE MACRO ${duckRef(fn.fullName, this.names)}(${params}) AS (${body})`;
  }

  /** A UC function body is an expression (or a query); translated as the select list of a statement. */
  translateExpression(expr: string): string {
    const duck = this.translator.translate(`SELECT ${expr}`);
    return duck.replace(/^\s*SELECT\s+/i, '');
  }
}
