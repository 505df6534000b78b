// Live rows of system.access.table_lineage: the warehouse appends one row per Unity Catalog table a query read, for
// the caller. Queued and written in batches like the audit sink, so a query never waits for the write and a storage
// failure is logged, never thrown. Writes are not recorded: the warehouse runs queries only (no DML).
import { randomUUID } from 'node:crypto';
import type { SimDb } from '../core/db';
import { CREATE_LINEAGE_TABLE, LINEAGE_TABLE } from './lineage-schema';

const FLUSH_DELAY_MS = 50;
const MAX_BATCH = 1000;

export interface LineageRead {
  /** The caller: userName, or applicationId for a service principal. */
  createdBy: string;
  table: { catalog: string; schema: string; name: string; type: 'TABLE' | 'VIEW' };
  statementId: string;
  eventTime?: Date;
}

export interface LineageSink {
  appendReads(reads: readonly LineageRead[]): void;
  flush(): Promise<void>;
}

interface Row {
  eventTime: string;
  createdBy: string;
  catalog: string;
  schema: string;
  name: string;
  type: string;
  statementId: string;
  eventId: string;
  recordId: string;
}

const ROW_SHAPE = JSON.stringify([
  {
    eventTime: 'VARCHAR',
    createdBy: 'VARCHAR',
    catalog: 'VARCHAR',
    schema: 'VARCHAR',
    name: 'VARCHAR',
    type: 'VARCHAR',
    statementId: 'VARCHAR',
    eventId: 'VARCHAR',
    recordId: 'VARCHAR',
  },
]);

// A query sent through the driver belongs to no notebook, job, dashboard or saved query: entity columns are NULL.
const INSERT_SQL = `
  INSERT INTO ${LINEAGE_TABLE}
  SELECT $account, $metastore, $workspace, NULL, NULL, NULL,
    r.catalog || '.' || r.schema || '.' || r.name, r.catalog, r.schema, r.name, NULL, r.type,
    NULL, NULL, NULL, NULL, NULL, NULL, r.createdBy, ts, CAST(ts AS DATE), r.recordId, r.eventId, r.statementId, NULL
  FROM (SELECT r, CAST(CAST(r.eventTime AS TIMESTAMPTZ) AS TIMESTAMP) AS ts
        FROM (SELECT unnest(json_transform(CAST($batch AS JSON), '${ROW_SHAPE}')) AS r))`;

export async function createLineageSink(
  db: SimDb,
  ids: { accountId: string; workspaceId: string; metastoreId: string },
): Promise<LineageSink> {
  await db.run(CREATE_LINEAGE_TABLE);
  let queue: Row[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const write = async (rows: Row[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += MAX_BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + MAX_BATCH));
      try {
        await db.run(INSERT_SQL, { account: ids.accountId, metastore: ids.metastoreId, workspace: ids.workspaceId, batch });
      } catch (err) {
        console.error(`[lineage] dropped ${Math.min(MAX_BATCH, rows.length - i)} rows: ${(err as Error).message}`);
      }
    }
  };

  const drain = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const rows = queue;
    queue = [];
    writing = writing.then(() => (rows.length ? write(rows) : undefined));
    return writing;
  };

  return {
    appendReads(reads) {
      if (!reads.length) return;
      // One statement is one lineage event; each table it read is a record of that event.
      const eventId = randomUUID();
      for (const r of reads) {
        queue.push({
          eventTime: (r.eventTime ?? new Date()).toISOString(),
          createdBy: r.createdBy,
          ...r.table,
          statementId: r.statementId,
          eventId,
          recordId: randomUUID(),
        });
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
