// TEST ONLY, until sim-core's startSimulator serves the warehouse: an HTTPS endpoint around createSqlWarehouse so
// the unmodified @databricks/sql driver can drive it. Bearer tokens map straight to principals.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { DBSQLClient } from '@databricks/sql';
import type IDBSQLClient from '@databricks/sql/dist/contracts/IDBSQLClient';
import { generate } from 'selfsigned';
import { createAuditSink } from '../audit/sink';
import type { AuditSink, FaultAction, Principal, PrincipalDirectory } from '../core/contract';
import { SimDb } from '../core/db';
import { type SqlWarehouse, createSqlWarehouse } from './warehouse';

export interface TestWarehouse {
  db: SimDb;
  audit: AuditSink;
  warehouse: SqlWarehouse;
  directory: PrincipalDirectory;
  port: number;
  ca: string;
  /** The next request to the warehouse gets this fault. */
  nextFault(f: FaultAction): void;
  client(token: string): Promise<IDBSQLClient>;
  close(): Promise<void>;
}

export async function startTestWarehouse(opts: {
  tokens: Record<string, Principal>;
  groups?: string[];
  prepare?: (db: SimDb) => Promise<void>;
}): Promise<TestWarehouse> {
  const db = await SimDb.open(':memory:');
  const audit = await createAuditSink(db, { workspaceId: '1234567890', accountId: 'acc-test' });
  await opts.prepare?.(db);
  const known = new Map<string, { kind: 'user' | 'service_principal' | 'group'; name: string; displayName: string }>();
  for (const p of Object.values(opts.tokens)) known.set(p.name, { kind: p.kind, name: p.name, displayName: p.displayName });
  for (const g of opts.groups ?? []) known.set(g, { kind: 'group', name: g, displayName: g });
  const directory: PrincipalDirectory = { lookup: async (name) => known.get(name) ?? null };
  const warehouse = await createSqlWarehouse({ db, audit, directory });
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  let fault: FaultAction | null = null;
  const server: Server = createServer({ cert: pems.cert, key: pems.private }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const principal = opts.tokens[(req.headers.authorization ?? '').replace(/^Bearer /, '')];
      if (!principal) {
        res.writeHead(401).end();
        return;
      }
      const f = fault;
      fault = null;
      const meta = { requestId: randomUUID(), sourceIp: '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') };
      warehouse.handle(Buffer.concat(chunks), principal, meta, f).then(
        (reply) => res.writeHead(200, { 'Content-Type': 'application/x-thrift' }).end(reply),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const clients: DBSQLClient[] = [];
  return {
    db, audit, warehouse, directory, port, ca: pems.cert,
    nextFault: (f) => (fault = f),
    async client(token) {
      const client = new DBSQLClient();
      clients.push(client);
      return client.connect({ host: '127.0.0.1', port, path: '/sql/1.0/warehouses/test', token, customCaCert: Buffer.from(pems.cert) });
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      warehouse.close();
      await audit.flush();
      db.close();
    },
  };
}
