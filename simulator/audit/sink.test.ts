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
        request_id: 'req-1',
        source_ip_address: '10.0.0.7',
      },
    ]);
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
