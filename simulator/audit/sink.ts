// The audit sink: every mutating call the simulator serves becomes a row of system.access.audit. Appends are
// queued and written in batches (one INSERT per batch, the batch travelling as one JSON parameter), so a request
// never waits for DuckDB and a storage failure never reaches the caller.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { AuditEventInput, AuditSink } from '../core/contract';
import type { SimDb } from '../core/db';
import { type AuditJsonRow, insertAuditJson } from './json-rows';
import { CREATE_AUDIT_TABLE } from './schema';

const FLUSH_DELAY_MS = 50;
const MAX_BATCH = 1000;

const requestIdKey = randomBytes(32);

/**
 * The audit `request_id` of an event. Databricks documents it as the audit log's own id (its examples read
 * `ServiceMain-4529754264`, `ServiceMain-206b2474f0620002`) and never as the request id a REST response carries
 * (`X-Request-Id`, `RequestInfo.request_id`: UUIDs), so a client cannot match the two and neither can it here: the
 * id is keyed off the inbound request id with a per-process secret. Events of one request share it.
 */
export function auditRequestId(inboundRequestId?: string): string {
  const hex = inboundRequestId ? createHmac('sha256', requestIdKey).update(inboundRequestId).digest('hex') : randomBytes(8).toString('hex');
  return `ServiceMain-${hex.slice(0, 16)}`;
}

function toRow(e: AuditEventInput): AuditJsonRow {
  return {
    eventTime: (e.eventTime ?? new Date()).toISOString(),
    requestId: auditRequestId(e.requestId),
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
    auditLevel: 'WORKSPACE_LEVEL',
  };
}

/** Creates the audit storage if missing and returns a sink that batches appends into it. */
export async function createAuditSink(db: SimDb, ids: { workspaceId: string; accountId: string }): Promise<AuditSink> {
  await db.run(CREATE_AUDIT_TABLE);
  let queue: AuditJsonRow[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: AuditJsonRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += MAX_BATCH) {
      try {
        await db.withConnection((c) => insertAuditJson(c, rows.slice(i, i + MAX_BATCH), ids));
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
