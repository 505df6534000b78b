// Unity Catalog statements the warehouse answers itself (DuckDB has no notion of them).
import type { AuditSink, PrincipalDirectory } from '../core/contract';
import type { SimDb } from '../core/db';
import type { CommandHandler } from '../sql/execute';
import type { SparkParameter } from '../sql/params';
import type { ResultSet } from '../sql/result-set';
import type { SqlSession } from '../sql/session';
import type { Translator } from '../sql/translate';
import type { CatalogViews } from './views';

export interface CommandDeps {
  db: SimDb;
  audit: AuditSink;
  directory: PrincipalDirectory;
  views: CatalogViews;
  translator: Translator;
}

export class UcCommands implements CommandHandler {
  constructor(private readonly deps: CommandDeps) {}

  async run(_session: SqlSession, _text: string, _params: readonly SparkParameter[]): Promise<ResultSet | null> {
    void this.deps;
    return null;
  }
}
