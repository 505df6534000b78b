// TEST ONLY: the unmodified @databricks/sql driver pointed at a started simulator, the way the dashboard uses it.
import { readFileSync } from 'node:fs';
import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import type { Harness } from '../testing/harness';

export type Row = Record<string, unknown>;

export interface SqlUser {
  session: IDBSQLSession;
  q(sql: string, namedParameters?: Record<string, unknown>): Promise<Row[]>;
}

export async function sqlSession(h: Harness, token: string): Promise<SqlUser> {
  const client = await new DBSQLClient().connect({
    host: '127.0.0.1',
    port: h.sim.port,
    path: h.sim.workspace.warehouseHttpPath,
    token,
    customCaCert: readFileSync(h.sim.workspace.caCertPath),
  });
  const session = await client.openSession();
  return {
    session,
    async q(sql, namedParameters) {
      const op = await session.executeStatement(sql, namedParameters ? { namedParameters } : {});
      const rows = (await op.fetchAll()) as Row[];
      await op.close();
      return rows;
    },
  };
}

/** Sets one fault on the next warehouse request through the simulator's control API. */
export async function nextWarehouseFault(h: Harness, action: Record<string, unknown>): Promise<void> {
  const res = await h.call(h.admin, 'POST', '/__simulator/faults', {
    rules: [{ method: 'POST', path: '/sql/1.0/warehouses/*', action, times: 1 }],
  });
  if (res.status !== 200) throw new Error(`fault rule refused: ${JSON.stringify(res.json)}`);
}
