// The simulator's SQL warehouse: takes one Thrift request body (sim-core's server does HTTP, auth and fault
// matching) and returns the reply bytes. Sessions are DuckDB connections carrying the caller's identity;
// statements go through StatementExecutor; faults become query errors, delays or hangs, never HTTP errors.
import { createLineageSink } from '../audit/lineage-sink';
import type { AuditSink, FaultAction, Principal, PrincipalDirectory, RequestMeta } from '../core/contract';
import type { SimDb } from '../core/db';
import { UcCommands } from '../uc/commands';
import { METASTORE_ID } from '../uc/grants';
import { CatalogNames } from '../uc/names';
import { ensureUcStore, structure } from '../uc/store';
import { CatalogViews } from '../uc/views';
import { SqlError } from './errors';
import { StatementExecutor } from './execute';
import { Operation } from './operation';
import type { SparkParameter } from './params';
import { type ExecuteRequest, type WarehouseState, faultMessage, hexId, rpcHandlers } from './rpc';
import { SqlSession, identitySql } from './session';
import { thriftProcessor } from './thrift-server';
import { Translator, initTranslator } from './translate';

/** Rows a statement may return at most (beyond the driver's own resultRowLimit). */
export const SERVER_ROW_CAP = 2_000_000;
const SESSION_IDLE_MS = 60 * 60 * 1000;

export interface SqlWarehouse {
  handle(body: Buffer, principal: Principal, meta: RequestMeta, fault: FaultAction | null): Promise<Buffer>;
  /** Closes every session and writes the lineage rows still queued. */
  close(): Promise<void>;
}

export interface WarehouseDeps {
  db: SimDb;
  audit: AuditSink;
  directory: PrincipalDirectory;
  /** For system.access.table_lineage rows. */
  ids: { accountId: string; workspaceId: string };
}

const num = (v: unknown) =>
  v === undefined || v === null ? 0 : typeof v === 'number' ? v : (v as { toNumber(a: boolean): number }).toNumber(true);

export async function createSqlWarehouse(deps: WarehouseDeps): Promise<SqlWarehouse> {
  const { db } = deps;
  await Promise.all([initTranslator(), ensureUcStore(db)]);
  const mainDb = String((await db.one<{ d: string }>('SELECT current_database() AS d'))?.d);
  const names = new CatalogNames(mainDb);
  const translator = new Translator(names.reservedMap());
  const builder = await db.connect();
  await builder.run(identitySql({ name: 'System user', groups: [], isAdmin: false }));
  const views = new CatalogViews(db, builder, names, translator);
  await views.sync();
  const commands = new UcCommands({ ...deps, views });
  const lineage = await createLineageSink(db, { ...deps.ids, metastoreId: METASTORE_ID });
  const executor = new StatementExecutor({ db, views, translator, commands, lineage });

  const state: WarehouseState = {
    sessions: new Map(),
    operations: new Map(),
    async openSession(principal, catalog, schema) {
      await views.sync();
      const st = await structure(db);
      const session = await SqlSession.open(db, principal, names);
      // Default namespace: main.default as on a Unity Catalog workspace, else the first catalog there is.
      const cat = catalog?.toLowerCase() ?? (st.catalogs.has('main') ? 'main' : 'system');
      const sch = schema?.toLowerCase() ?? (cat === 'main' && st.schemas.has('main.default') ? 'default' : 'information_schema');
      if (!st.catalogs.has(cat) || (sch !== 'information_schema' && !st.schemas.has(`${cat}.${sch}`))) {
        session.close();
        throw new SqlError(`[NO_SUCH_CATALOG_EXCEPTION] Catalog or schema '${cat}.${sch}' not found. SQLSTATE: 42704`, '42704');
      }
      await session.use(cat, sch);
      state.sessions.set(hexId(session.id), session);
      return session;
    },
    startOperation(session, req: ExecuteRequest, fault, meta) {
      const rowCap = Math.min(num(req.resultRowLimit) || SERVER_ROW_CAP, SERVER_ROW_CAP);
      const op = new Operation(
        session,
        async (self) => {
          if (fault?.type === 'hang') await new Promise((_, reject) => self.signal.addEventListener('abort', reject, { once: true }));
          const failure = fault ? faultMessage(fault) : null;
          if (failure) throw new SqlError(failure, fault?.type === 'rate_limit' ? '53400' : 'HY000');
          const params = (req.parameters ?? []) as SparkParameter[];
          const result = await executor.execute(session, self, req.statement, params, rowCap, meta);
          if (fault?.type === 'drop_response') {
            throw new SqlError('[CONNECTION_RESET] The response to this statement was lost; the statement may have run.', '08006');
          }
          return result;
        },
        num(req.queryTimeout),
      );
      state.operations.set(hexId(op.id), op);
      return op;
    },
    closeSession(session) {
      state.sessions.delete(hexId(session.id));
      for (const [id, op] of state.operations) {
        if (op.session !== session) continue;
        op.stop('CLOSED');
        state.operations.delete(id);
      }
      void session.exclusive(async () => session.close());
    },
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const s of state.sessions.values()) if (now - s.lastUsed >= SESSION_IDLE_MS) state.closeSession(s);
  }, 60_000);
  sweep.unref();

  return {
    async handle(body, principal, meta, fault) {
      if (fault?.type === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
      return thriftProcessor(rpcHandlers(state, principal, meta, fault?.type === 'delay' ? null : fault))(body);
    },
    async close() {
      clearInterval(sweep);
      for (const s of [...state.sessions.values()]) state.closeSession(s);
      builder.closeSync();
      await lineage.flush();
    },
  };
}
