// Audit rows travel to DuckDB as one JSON parameter per batch (one INSERT, no per-row round trips). Used by the
// live sink and by the seeded history's discrete events.
import type { DuckDBConnection } from '@duckdb/node-api';
import { AUDIT_TABLE } from './schema';

export interface AuditJsonRow {
  eventTime: string;
  requestId: string;
  eventId: string;
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
  auditLevel: 'WORKSPACE_LEVEL' | 'ACCOUNT_LEVEL';
}

const ROW_SHAPE = JSON.stringify([
  {
    eventTime: 'VARCHAR',
    requestId: 'VARCHAR',
    eventId: 'VARCHAR',
    sessionId: 'VARCHAR',
    email: 'VARCHAR',
    serviceName: 'VARCHAR',
    actionName: 'VARCHAR',
    params: 'MAP(VARCHAR, VARCHAR)',
    statusCode: 'INTEGER',
    errorMessage: 'VARCHAR',
    result: 'VARCHAR',
    sourceIp: 'VARCHAR',
    userAgent: 'VARCHAR',
    auditLevel: 'VARCHAR',
  },
]);

/** INSERT … SELECT of a JSON batch into `table` (the audit table, or a staging table of the same shape). */
export function insertJsonSql(table = AUDIT_TABLE): string {
  // Account-level events carry workspace_id '0' (reference §12.1).
  return `
  INSERT INTO ${table}
  SELECT $account, CASE r.auditLevel WHEN 'ACCOUNT_LEVEL' THEN '0' ELSE $workspace END, '2.0', ts, CAST(ts AS DATE),
         r.sourceIp, r.userAgent, r.sessionId, {'email': r.email, 'subject_name': NULL}, r.serviceName, r.actionName,
         r.requestId, r.params, {'status_code': r.statusCode, 'error_message': r.errorMessage, 'result': r.result},
         r.auditLevel, r.eventId, NULL
  FROM (SELECT r, CAST(CAST(r.eventTime AS TIMESTAMPTZ) AS TIMESTAMP) AS ts
        FROM (SELECT unnest(json_transform(CAST($batch AS JSON), '${ROW_SHAPE}')) AS r))
  ORDER BY ts`;
}

export async function insertAuditJson(
  conn: DuckDBConnection,
  rows: readonly AuditJsonRow[],
  ids: { accountId: string; workspaceId: string },
  table = AUDIT_TABLE,
): Promise<void> {
  if (!rows.length) return;
  await conn.run(insertJsonSql(table), { account: ids.accountId, workspace: ids.workspaceId, batch: JSON.stringify(rows) });
}
