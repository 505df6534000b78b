import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimDb } from '../core/db';
import { createAuditSink } from './sink';
import { AUDIT_TABLE } from './schema';

describe('createAuditSink', () => {
  let db: SimDb;
  beforeEach(async () => {
    db = await SimDb.open(':memory:');
  });
  afterEach(() => db.close());

  it('stores events with the §12.1 shape once flushed', async () => {
    const sink = await createAuditSink(db, { workspaceId: '1234', accountId: 'acc-1' });
    sink.append({
      serviceName: 'secrets',
      actionName: 'getSecret',
      email: 'ana@example.com',
      requestParams: { scope: 'prod', key: 'db-password' },
      statusCode: 403,
      errorMessage: 'no READ',
      sourceIp: '10.0.0.7',
      userAgent: 'curl/8',
      requestId: 'req-1',
      eventTime: new Date('2026-11-27T23:59:58.250Z'),
    });
    await sink.flush();
    const rows = await db.all<Record<string, unknown>>(
      `SELECT account_id, workspace_id, version, event_time, event_date, user_identity.email AS email,
              request_params['key'] AS k, response.status_code AS sc, response.error_message AS em,
              audit_level, length(event_id) AS idlen, request_id, source_ip_address FROM ${AUDIT_TABLE}`,
    );
    expect(rows).toEqual([
      {
        account_id: 'acc-1',
        workspace_id: '1234',
        version: '2.0',
        event_time: new Date('2026-11-27T23:59:58.250Z'),
        event_date: new Date('2026-11-27T00:00:00Z'),
        email: 'ana@example.com',
        k: 'db-password',
        sc: 403,
        em: 'no READ',
        audit_level: 'WORKSPACE_LEVEL',
        idlen: 36n,
        request_id: expect.stringMatching(/^ServiceMain-[0-9a-f]{16}$/),
        source_ip_address: '10.0.0.7',
      },
    ]);
  });

  it("gives the events of one request one request_id of the audit log's own, never the inbound request id", async () => {
    const sink = await createAuditSink(db, { workspaceId: '1', accountId: 'a' });
    const event = (requestId: string | undefined, n: string) =>
      sink.append({
        serviceName: 's',
        actionName: 'a',
        email: 'x',
        requestParams: { n },
        statusCode: 200,
        sourceIp: '',
        userAgent: '',
        requestId,
      });
    event('3f1c2a9e-1111-4d2b-9a55-0c2f6c1e7a10', '1');
    event('3f1c2a9e-1111-4d2b-9a55-0c2f6c1e7a10', '2');
    event('7d0e4b21-2222-4c8a-8f11-5b3a9d2e6c44', '3');
    event(undefined, '4');
    event(undefined, '5');
    await sink.flush();
    const ids = (await db.all<{ id: string }>(`SELECT request_id AS id FROM ${AUDIT_TABLE} ORDER BY request_params['n']`)).map((r) => r.id);
    expect(ids[0]).toBe(ids[1]);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^ServiceMain-[0-9a-f]{16}$/);
  });

  it('keeps arrival order across batches and survives a second sink on the same store', async () => {
    const sink = await createAuditSink(db, { workspaceId: '1', accountId: 'a' });
    for (let i = 0; i < 2500; i++) {
      sink.append({
        serviceName: 'accounts',
        actionName: 'tokenLogin',
        email: null,
        requestParams: { n: String(i) },
        statusCode: 200,
        sourceIp: '127.0.0.1',
        userAgent: 'ua',
      });
    }
    await sink.flush();
    await createAuditSink(db, { workspaceId: '1', accountId: 'a' });
    const [row] = await db.all<{ n: bigint; distinct_ids: bigint }>(
      `SELECT count(*) AS n, count(DISTINCT event_id) AS distinct_ids FROM ${AUDIT_TABLE}`,
    );
    expect(row).toEqual({ n: 2500n, distinct_ids: 2500n });
  });

  it('never throws into the caller when storage fails', async () => {
    const sink = await createAuditSink(db, { workspaceId: '1', accountId: 'a' });
    await db.run(`DROP TABLE ${AUDIT_TABLE}`);
    const logged: string[] = [];
    const original = console.error;
    console.error = (msg: string) => logged.push(msg);
    try {
      sink.append({ serviceName: 's', actionName: 'a', email: 'x', requestParams: {}, statusCode: 200, sourceIp: '', userAgent: '' });
      await expect(sink.flush()).resolves.toBeUndefined();
    } finally {
      console.error = original;
    }
    expect(logged.join('\n')).toContain('[audit] dropped 1 events');
  });
});
