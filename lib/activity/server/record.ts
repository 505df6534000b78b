// Every attempt to act, by a signed-in person, goes to the HMAC-chained action log with the person's name, whatever
// identity Brickwatch acted as upstream: successes, failures and refusals alike. Detail values are never secret or
// token values (the log masks token-shaped text anyway).
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { appendAction, type ActionRole, type Outcome } from '@/lib/store/action-log';
import type { ActionLogKey } from '@/lib/store/action-log-key';
import { getActionLogKey, getDb, type Db } from '@/lib/store/db';
import { markRecorded } from './attempts';

export interface ActionContext {
  ws: Workspace;
  /** The person acting; background work (nobody signed in) is `{ userName: 'brickwatch', role: 'system' }`. */
  person: { userName: string; role: ActionRole };
  requestId: string;
  /** The store; the process's store when omitted. */
  db?: Db;
  /** The key that chains the log; the configured one when omitted. */
  logKey?: ActionLogKey;
}

export async function recordAction(
  ctx: ActionContext,
  /** '<area>.<verb>', e.g. 'tokens.revoke'. */
  action: string,
  /** '<kind>:<id>', e.g. 'token:8f3a…' or 'workspace-conf:maxTokenLifetimeDays'. */
  target: string,
  outcome: Outcome,
  detail: Record<string, unknown> = {},
  upstreamRequestId: string | null = null,
): Promise<void> {
  markRecorded();
  await appendAction(ctx.db ?? getDb(), ctx.logKey ?? getActionLogKey(), {
    actor: ctx.person.userName,
    role: ctx.person.role,
    action,
    target,
    outcome,
    detail: Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined && v !== null)),
    upstreamRequestId,
    requestId: ctx.requestId,
    actingAs: ctx.ws.actingAs.name,
  });
}
