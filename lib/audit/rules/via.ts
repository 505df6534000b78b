// Which change made through Brickwatch caused an audit event. In service mode Databricks' audit log names only the
// service principal Brickwatch acts as; the action log names the person. Databricks does not record a REST call's
// request id in the audit log (its `request_id` is the audit log's own, e.g. "ServiceMain-…", and SQL statements have
// none), so the two are joined on what both record: the acting identity, what was done to which object, and the time,
// within a few seconds. Each match says that this was its basis. Pure: the audit loaders pass both sides in.

/** An action-log row, as much of it as a match needs. */
export interface LoggedAction {
  seq: number;
  /** ISO time the row was written (just after Databricks answered). */
  at: string;
  /** The person, by user name. */
  actor: string;
  /** Who Brickwatch acted as upstream: the name Databricks' audit log records for the call. */
  actingAs?: string | null;
  action: string;
  target: string;
  detail: Record<string, unknown> | null;
}

/** An audit event, as much of it as a match needs. */
export interface AuditedCall {
  /** ISO time of the event. */
  time: string;
  /** user_identity.email: a person's user name or a service principal's application id. */
  actor: string | null;
  service: string;
  action: string;
  params: Record<string, string>;
}

export interface Via {
  seq: number;
  /** The person who acted through Brickwatch (user name). */
  person: string;
  /** What the match rests on, in words (there is no shared request id to rest on). */
  basis: string;
}

/** How far apart the audit event and the action-log row may be. The row is written when Databricks has answered. */
export const VIA_WINDOW_MS = 10_000;

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const idOf = (target: string) => target.slice(target.indexOf(':') + 1);

/** For each action Brickwatch logs, the audit event its upstream call produces and how to tell it is this row's object. */
const CAUSES: Record<string, { service: string; action: string; object: (row: LoggedAction, params: Record<string, string>) => boolean }> =
  {
    'tokens.revoke': { service: 'accounts', action: 'revokeDbToken', object: (r, p) => p.tokenHash === idOf(r.target) },
    'tokens.rotate.revoke_old': { service: 'accounts', action: 'revokeDbToken', object: (r, p) => p.tokenHash === idOf(r.target) },
    'tokens.rotate.revoke_new': {
      service: 'accounts',
      action: 'revokeDbToken',
      object: (r, p) => p.tokenHash === str(r.detail?.replacement),
    },
    'tokens.rotate.create': {
      service: 'accounts',
      action: 'generateDbToken',
      object: (r, p) => p.tokenHash === str(r.detail?.replacement),
    },
    'tokens.rotate.write_secret': {
      service: 'secrets',
      action: 'putSecret',
      object: (r, p) => p.scope === str(r.detail?.scope) && p.key === str(r.detail?.key),
    },
    'tokens.policy.set': {
      service: 'workspace',
      action: 'workspaceConfEdit',
      object: (r, p) => p.workspaceConfKeys === idOf(r.target) && p.workspaceConfValues === str(r.detail?.to),
    },
  };

const BASIS = 'same acting identity, action and object';

/** Whether an event is of a kind Brickwatch causes, by this identity: only then is the action log worth reading. */
export function mayBeBrickwatch(event: AuditedCall, actingAs: string): boolean {
  return (
    event.actor?.toLowerCase() === actingAs.toLowerCase() &&
    Object.values(CAUSES).some((c) => c.service === event.service && c.action === event.action)
  );
}

/**
 * The action-log row behind each event that one explains (by index into `events`). One row explains at most one
 * event and one event has at most one row: the closest in time wins.
 */
export function matchVia(events: readonly AuditedCall[], rows: readonly LoggedAction[], windowMs = VIA_WINDOW_MS): Map<number, Via> {
  const candidates: Array<{ event: number; row: LoggedAction; gap: number }> = [];
  events.forEach((e, i) => {
    if (!e.actor) return;
    const at = Date.parse(e.time);
    for (const row of rows) {
      const cause = CAUSES[row.action];
      if (!cause || cause.service !== e.service || cause.action !== e.action) continue;
      if (row.actingAs?.toLowerCase() !== e.actor.toLowerCase()) continue;
      const gap = Math.abs(Date.parse(row.at) - at);
      if (gap <= windowMs && cause.object(row, e.params)) candidates.push({ event: i, row, gap });
    }
  });
  candidates.sort((a, b) => a.gap - b.gap || a.row.seq - b.row.seq);
  const out = new Map<number, Via>();
  const used = new Set<number>();
  for (const c of candidates) {
    if (out.has(c.event) || used.has(c.row.seq)) continue;
    used.add(c.row.seq);
    const seconds = Math.max(1, Math.round(c.gap / 1000));
    out.set(c.event, { seq: c.row.seq, person: c.row.actor, basis: `${BASIS}, ${seconds} s apart` });
  }
  return out;
}

/** The span of action-log rows that could explain these events. */
export function viaSpan(events: readonly Pick<AuditedCall, 'time'>[], windowMs = VIA_WINDOW_MS): { since: Date; until: Date } | null {
  if (!events.length) return null;
  const times = events.map((e) => Date.parse(e.time));
  return { since: new Date(Math.min(...times) - windowMs), until: new Date(Math.max(...times) + windowMs) };
}
