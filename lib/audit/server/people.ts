// Audit events as people read them: a service principal by its display name (the application id on hover), and a
// change made through Brickwatch with the person who made it ("via Brickwatch by Alex Morgan", linked to the Activity
// entry). Names come from the shared principal directory; the person from the action log (lib/audit/rules/via.ts).
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { log } from '@/lib/log';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { PrincipalIndex } from '@/lib/principals/rules';
import { matchVia, mayBeBrickwatch, viaSpan, type AuditedCall } from '@/lib/audit/rules/via';
import type { ActorRef, ViaRef } from '@/lib/audit/contract';
import { listActions } from '@/lib/store/action-log';
import { getDb, type Db } from '@/lib/store/db';

/** Where the "via Brickwatch" matches are read from: the process's store unless a caller (a test) gives its own. */
export interface AuditStore {
  db?: Db;
}

/** Rows of the action log read around one page of events: enough for a busy minute of changes. */
const ROWS_PER_SPAN = 1_000;

export interface People {
  /** The actor as people know it; null when the directory has no such principal (or could not be read). */
  actor(name: string | null): ActorRef | null;
  /** Why names are missing, when the directory could not be read (the page says so instead of guessing). */
  notice: string | null;
}

export async function loadPeople(ws: Workspace): Promise<People> {
  let index: PrincipalIndex | null = null;
  let notice: string | null = null;
  try {
    index = await loadPrincipals(ws);
  } catch (e) {
    log.warn('audit.directory_unavailable', { error: upstreamReason(e) });
    notice = `Names could not be read from the workspace directory (${upstreamReason(e)}); actors are shown as the audit log records them.`;
  }
  const actor = (name: string | null): ActorRef | null => {
    if (!name || !index) return null;
    const p = index.resolve(name);
    if (p.status === 'deleted' || (p.kind !== 'user' && p.kind !== 'service_principal')) return null;
    return { kind: p.kind, displayName: p.displayName, status: p.status };
  };
  return { actor, notice };
}

/**
 * For each event (by index), the change made through Brickwatch that caused it, with the person's name. Only events
 * by the identity Brickwatch acts as for this viewer are looked up (in user mode the audit log names the person anyway).
 */
export async function viaBrickwatch(
  ws: Workspace,
  events: readonly AuditedCall[],
  people: People,
  store: AuditStore = {},
): Promise<Map<number, ViaRef>> {
  const span = viaSpan(events.filter((e) => mayBeBrickwatch(e, ws.actingAs.name)));
  if (!span) return new Map();
  const rows = await listActions(store.db ?? getDb(), { ...span, limit: ROWS_PER_SPAN });
  const out = new Map<number, ViaRef>();
  for (const [i, via] of matchVia(events, rows)) {
    out.set(i, { ...via, personName: people.actor(via.person)?.displayName ?? null });
  }
  return out;
}
