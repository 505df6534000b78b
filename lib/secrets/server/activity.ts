// One scope's last 30 days from the audit log: totals, who did what, the newest changes, and reads per key. Four small
// aggregates run side by side; if the audit log cannot be read the activity says so instead of showing zeros.
import 'server-only';
import { runAudit } from '@/lib/audit/server/sql';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import type { PrincipalIndex } from '@/lib/principals/rules';
import type { ScopeActivity } from '@/lib/secrets/contract';
import { ACTIVITY_DAYS, scopeActorsStatement, scopeChangesStatement, scopeKeyReadsStatement, scopeTotalsStatement } from './reads';
import { resolveName } from './resolve';

export interface LoadedActivity {
  collected: boolean;
  /** Successful reads per key in the window (empty when not collected). */
  keyReads: ReadonlyMap<string, number>;
  /** The activity for the page, actors resolved through the directory (or not, when it could not be read). */
  view(index: PrincipalIndex | null): ScopeActivity;
}

const DAY = 86_400_000;
const ZERO = { reads: 0, deniedReads: 0, writes: 0, aclChanges: 0, lists: 0 };

export async function loadScopeActivity(ws: Workspace, scope: string, acting: string, now: number): Promise<LoadedActivity> {
  const window = { days: ACTIVITY_DAYS, from: now - ACTIVITY_DAYS * DAY, to: now };
  try {
    // Identical views within a moment share one set of queries.
    const [totals, actors, changes, keys] = await ws.coalesce(`secrets.activity:${scope.toLowerCase()}:${acting}`, () =>
      Promise.all([
        runAudit(ws, scopeTotalsStatement(scope, acting, now)),
        runAudit(ws, scopeActorsStatement(scope, acting, now)),
        runAudit(ws, scopeChangesStatement(scope, acting, now)),
        runAudit(ws, scopeKeyReadsStatement(scope, acting, now)),
      ]),
    );
    const t = totals.rows[0];
    return {
      collected: true,
      keyReads: new Map(keys.rows.map((r) => [r.key, r.reads])),
      view: (index) => ({
        ...window,
        collected: true,
        reason: null,
        totals: t ? { reads: t.reads, deniedReads: t.denied_reads, writes: t.writes, aclChanges: t.acl_changes, lists: t.lists } : ZERO,
        actors: actors.rows.map((r) => ({
          actor: resolveName(r.actor, index),
          reads: r.reads,
          deniedReads: r.denied_reads,
          keysRead: r.keys_read,
          writes: r.writes,
          aclChanges: r.acl_changes,
          lists: r.lists,
          last: r.last_event.getTime(),
        })),
        changes: changes.rows.map((r) => ({
          time: r.event_time.getTime(),
          actor: resolveName(r.actor, index),
          action: r.action,
          key: r.key,
          principal: r.principal,
          permission: r.permission,
          failed: (r.status_code ?? 200) >= 400,
        })),
        truncated: actors.truncated || changes.truncated || keys.truncated,
      }),
    };
  } catch (e) {
    const reason = upstreamReason(e);
    return {
      collected: false,
      keyReads: new Map(),
      view: () => ({ ...window, collected: false, reason, totals: ZERO, actors: [], changes: [], truncated: false }),
    };
  }
}
