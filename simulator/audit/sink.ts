// The audit sink: every mutating call the simulator serves becomes a row of system.access.audit. Appends are
// queued and written in batches (one INSERT per batch, the batch travelling as one JSON parameter), so a request
// never waits for DuckDB and a storage failure never reaches the caller.
import { randomUUID } from 'node:crypto';
import type { AuditEventInput, AuditSink } from '../core/contract';
import type { SimDb } from '../core/db';
import { AUDIT_TABLE, CREATE_AUDIT_TABLE } from './schema';

const FLUSH_DELAY_MS = 50;
const MAX_BATCH = 1000;

interface Row {
  eventTime: string;
  requestId: string;
  sessionId: string | null;
  email: string | null;
  serviceName: string;
  actionName: string;
  params: Record<string, string>;
  statusCode: number;
  errorMessage: string | null;
  result: string | null;
  sourceIp: string;
  userAgent: string;
  eventId: string;
}

const ROW_SHAPE = JSON.stringify([
  {
    eventTime: 'VARCHAR', requestId: 'VARCHAR', sessionId: 'VARCHAR', email: 'VARCHAR', serviceName: 'VARCHAR',
    actionName: 'VARCHAR', params: 'MAP(VARCHAR, VARCHAR)', statusCode: 'INTEGER', errorMessage: 'VARCHAR',
    result: 'VARCHAR', sourceIp: 'VARCHAR', userAgent: 'VARCHAR', eventId: 'VARCHAR',
  },
]);

// `$ids` are the account and workspace ids; event_time is stored as UTC wall time (TIMESTAMP, as on Databricks).
const INSERT_BATCH = `
  INSERT INTO ${AUDIT_TABLE}
  SELECT $account, $workspace, '2.0', ts, CAST(ts AS DATE), r.sourceIp, r.userAgent, r.sessionId,
         {'email': r.email, 'subject_name': NULL}, r.serviceName, r.actionName, r.requestId, r.params,
         {'status_code': r.statusCode, 'error_message': r.errorMessage, 'result': r.result},
         'WORKSPACE_LEVEL', r.eventId, NULL
  FROM (SELECT r, CAST(CAST(r.eventTime AS TIMESTAMPTZ) AS TIMESTAMP) AS ts
        FROM (SELECT unnest(json_transform(CAST($batch AS JSON), '${ROW_SHAPE}')) AS r))
  ORDER BY ts`;

function toRow(e: AuditEventInput): Row {
  return {
    eventTime: (e.eventTime ?? new Date()).toISOString(),
    requestId: e.requestId ?? randomUUID(),
    sessionId: e.sessionId ?? null,
    email: e.email,
    serviceName: e.serviceName,
    actionName: e.actionName,
    params: { ...e.requestParams },
    statusCode: e.statusCode,
    errorMessage: e.errorMessage ?? null,
    result: e.result ?? null,
    sourceIp: e.sourceIp,
    userAgent: e.userAgent,
    eventId: randomUUID(),
  };
}

/** Creates the audit storage if missing and returns a sink that batches appends into it. */
export async function createAuditSink(db: SimDb, ids: { workspaceId: string; accountId: string }): Promise<AuditSink> {
  await db.run(CREATE_AUDIT_TABLE);
  let queue: Row[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: Row[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += MAX_BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + MAX_BATCH));
      try {
        await db.run(INSERT_BATCH, { account: ids.accountId, workspace: ids.workspaceId, batch });
      } catch (err) {
        // The caller's request already succeeded or failed on its own; losing audit rows is logged, not thrown.
        console.error(`[audit] dropped ${Math.min(MAX_BATCH, rows.length - i)} events: ${(err as Error).message}`);
      }
    }
  };

  const drain = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = queue;
    queue = [];
    // Chained so batches land in arrival order and flush() waits for every earlier write.
    writing = writing.then(() => (rows.length ? write(rows) : undefined));
    return writing;
  };

  return {
    append(event) {
      try {
        queue.push(toRow(event));
      } catch (err) {
        console.error(`[audit] rejected event ${event?.serviceName}.${event?.actionName}: ${(err as Error).message}`);
        return;
      }
      if (queue.length >= MAX_BATCH) void drain();
      else if (!timer) {
        timer = setTimeout(() => void drain(), FLUSH_DELAY_MS);
        timer.unref();
      }
    },
    flush: drain,
  };
}
