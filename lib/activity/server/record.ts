// Every token action, attempt and outcome goes to the hash-chained action log with the human's name, whatever
// identity Brickwatch acted as upstream. Detail keys avoid the words the log redacts ('token', 'secret'), so ids
// and scope names stay readable; values are never token values.
import 'server-only';
import type { Role } from '@/lib/roles';
import { appendAction, type Outcome } from '@/lib/store/action-log';
import { getDb, type Db } from '@/lib/store/db';
import type { Workspace } from '@/lib/databricks/get-workspace';

export interface TokenActionContext {
  ws: Workspace;
  person: { userName: string; role: Role };
  requestId: string;
  /** The store; the process's SQLite database when omitted. */
  db?: Db;
}

export const tokenTarget = (tokenId: string) => `token:${tokenId}`;

export function logTokenAction(
  ctx: TokenActionContext,
  action: string,
  /** '<kind>:<id>', e.g. tokenTarget(id) or 'workspace-conf:maxTokenLifetimeDays'. */
  target: string,
  outcome: Outcome,
  detail: Record<string, unknown>,
  upstreamRequestId: string | null = null,
): void {
  appendAction(ctx.db ?? getDb(), {
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
