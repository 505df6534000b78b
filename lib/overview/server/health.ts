// Connection health of the two upstreams, for the home page and /api/ready. Never throws: a failure is a result with
// the real reason, because "not collected: <why>" is what a person needs to fix it.
import 'server-only';
import type { Health } from '@/lib/overview/contract';
import { z } from 'zod';
import { isDatabricksError } from '@/lib/databricks/errors';
import { upstreamReason } from '@/lib/databricks/upstream';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { currentUser } from '@/lib/databricks/api/scim';
import { defineQuery } from '@/lib/databricks/sql-client';

const WHO_AM_I = defineQuery({
  name: 'health.current_user',
  sql: 'SELECT current_user() AS user_name',
  row: z.object({ user_name: z.string() }),
  maxRows: 1,
  timeoutSeconds: 10,
});

async function timed<T>(load: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const started = Date.now();
  return { value: await load(), latencyMs: Date.now() - started };
}

/** Exported for its test. The text goes to the browser, so it is redacted like every upstream message is. */
export function failure(e: unknown, latencyMs: number, checkedAt = Date.now()): Health {
  if (isDatabricksError(e)) return { ok: false, checkedAt, latencyMs, errorCode: e.errorCode, error: upstreamReason(e) };
  // Not a Databricks error: a bug of ours. Its message may hold anything, so say less.
  return {
    ok: false,
    checkedAt,
    latencyMs,
    errorCode: 'INTERNAL',
    error: 'Unexpected error while checking the connection (see the server log)',
  };
}

// Concurrent checks by the same identity share one upstream call (coalesced); the latency reported is that call's.
export async function checkRest(ws: Workspace): Promise<Health> {
  const started = Date.now();
  try {
    const { value: me, latencyMs } = await ws.coalesce('health.rest', () => timed(() => currentUser(ws.rest, AbortSignal.timeout(8_000))));
    return {
      ok: true,
      checkedAt: Date.now(),
      latencyMs,
      identity: me.displayName && me.displayName !== me.userName ? `${me.displayName} (${me.userName})` : me.userName,
    };
  } catch (e) {
    return failure(e, Date.now() - started);
  }
}

export async function checkSql(ws: Workspace): Promise<Health> {
  const started = Date.now();
  try {
    const { value: result, latencyMs } = await ws.coalesce('health.sql', () => timed(() => ws.sql.query(WHO_AM_I)));
    return { ok: true, checkedAt: Date.now(), latencyMs, identity: result.rows[0]?.user_name ?? 'unknown' };
  } catch (e) {
    return failure(e, Date.now() - started);
  }
}
