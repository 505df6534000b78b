// The statement pipeline of the warehouse: Unity Catalog commands (GRANT, SHOW GRANTS, masks, filters, USE…) are
// answered from uc_meta; everything else is translated to DuckDB, bound, checked against Unity Catalog (every
// table it names must be readable by the caller) and only then executed, streaming rows up to the row cap.
import type { LineageSink } from '../audit/lineage-sink';
import type { RequestMeta } from '../core/contract';
import type { SimDb } from '../core/db';
import { authorizeRead, collectRefs, type ParsedRefs } from '../uc/access';
import { privilegeModel, structure } from '../uc/store';
import type { CatalogViews } from '../uc/views';
import { SqlError, sqlError, toSqlError } from './errors';
import type { Operation } from './operation';
import { bindParameters, type SparkParameter } from './params';
import { type ResultSet, readResult } from './result-set';
import type { SqlSession } from './session';
import type { Translator } from './translate';

/** Answers the statements DuckDB cannot (Unity Catalog commands); null when `text` is not one of them. */
export interface CommandHandler {
  run(session: SqlSession, text: string, meta: RequestMeta): Promise<ResultSet | null>;
}

export interface ExecutorDeps {
  db: SimDb;
  views: CatalogViews;
  translator: Translator;
  commands: CommandHandler;
  /** Receives one read record per Unity Catalog table a successful query read. */
  lineage?: LineageSink;
}

export function stripStatement(statement: string): string {
  return statement
    .trim()
    .replace(/(;\s*)+$/, '')
    .trim();
}

export class StatementExecutor {
  constructor(private readonly deps: ExecutorDeps) {}

  execute(
    session: SqlSession,
    op: Operation,
    statement: string,
    params: readonly SparkParameter[],
    rowCap: number,
    meta: RequestMeta,
  ): Promise<ResultSet> {
    return session.exclusive(async () => {
      if (op.signal.aborted) throw new SqlError('The operation was cancelled before it started.', '57014');
      await this.deps.views.sync();
      const text = stripStatement(statement);
      if (!text) throw sqlError('PARSE_EMPTY_STATEMENT', 'Syntax error, unexpected empty statement.', '42617');
      const answered = await this.deps.commands.run(session, text, meta);
      if (answered) return answered;
      return this.query(session, op, text, params, rowCap);
    });
  }

  private async query(
    session: SqlSession,
    op: Operation,
    text: string,
    params: readonly SparkParameter[],
    rowCap: number,
  ): Promise<ResultSet> {
    const { sql, values } = bindParameters(this.deps.translator.translate(text), params);
    const refs = await this.analyze(session, sql);
    const [st, model] = await Promise.all([structure(this.deps.db), privilegeModel(this.deps.db)]);
    const read = authorizeRead(refs, {
      names: this.deps.views.names,
      structure: st,
      model,
      principals: session.principals,
      catalog: session.catalog,
      schema: session.schema,
    });
    op.executing = true;
    try {
      const result = await readResult(await session.conn.stream(sql, values), rowCap);
      this.deps.lineage?.appendReads(
        read.map((t) => ({
          createdBy: session.principal.name,
          table: { catalog: t.catalog, schema: t.schema, name: t.name, type: t.kind === 'view' ? 'VIEW' : 'TABLE' },
          statementId: op.id,
        })),
      );
      return result;
    } catch (err) {
      throw toSqlError(err);
    } finally {
      op.executing = false;
    }
  }

  /** DuckDB's own parse of the statement: what it reads, and whether it is a single query at all. */
  private async analyze(session: SqlSession, sql: string): Promise<ParsedRefs> {
    const reader = await session.conn.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
    const parsed = JSON.parse(String(reader.getRows()[0]?.[0])) as
      { error: true; error_type: string; error_message: string } | { error: false; statements: unknown[] };
    if (parsed.error) {
      if (parsed.error_type === 'parser') {
        // Re-parse to get DuckDB's full message (with the caret line) rather than the serializer's summary.
        await session.conn.extractStatements(sql).catch((err: unknown) => {
          throw toSqlError(new Error(String((err as Error).message).replace(/^Failed to extract statements: /, '')));
        });
        throw new SqlError(`Parser Error: ${parsed.error_message}`, '42601');
      }
      throw sqlError(
        'UNSUPPORTED_FEATURE',
        `The simulator's SQL warehouse runs queries and Unity Catalog commands only; this statement is not supported: ${sql.slice(0, 60)}`,
        '0A000',
      );
    }
    if (parsed.statements.length !== 1) {
      throw sqlError('PARSE_SYNTAX_ERROR', 'Only one statement can be executed at a time.', '42601');
    }
    return collectRefs(parsed);
  }
}
