// GET /api/secrets/scopes and GET /api/secrets/scopes/{scope}: what was read, judged by the pure rules. The directory
// (display names, kinds, who left) and the audit log (who read what) are read beside the scopes; when either cannot be
// read, the findings that need it are left out and a notice says so.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { AclEntry } from '@/lib/databricks/api/secrets';
import { upstreamReason } from '@/lib/databricks/upstream';
import { DomainError } from '@/lib/errors';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { PrincipalIndex } from '@/lib/principals/rules';
import type { AclEntryView, ScopeDetail, ScopeFilters, ScopesResponse, ScopeSummary, SecretsNotice } from '@/lib/secrets/contract';
import { PERMISSION_RANK, principalLabel, scopeFindings, worstLevel } from '@/lib/secrets/rules/findings';
import { byRisk, selectScopes, summarizeScopes } from '@/lib/secrets/rules/select';
import type { Actor } from './actor';
import { loadActor } from './actor';
import { loadScopeActivity } from './activity';
import { resolveName } from './resolve';
import { loadScopeInventory, readOneScope, type Part, type ScopeInventory, type ScopeState } from './inventory';
import { loadLastReads, UNREAD_WINDOW_DAYS, type LastReads } from './reads';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

function aclViews(acls: readonly AclEntry[], index: PrincipalIndex | null): AclEntryView[] {
  return acls
    .map((a) => {
      const r = resolveName(a.principal, index);
      return { principal: a.principal, permission: a.permission, kind: r.kind, displayName: r.displayName, status: r.status };
    })
    .sort((a, b) => PERMISSION_RANK[b.permission] - PERMISSION_RANK[a.permission] || principalLabel(a).localeCompare(principalLabel(b)));
}

const partView = (p: Part<unknown>) => (p.state === 'ok' ? { state: 'ok' as const, reason: null } : { state: p.state, reason: p.reason });

function readsFor(scope: string, reads: LastReads | null): ReadonlyMap<string, number> | null {
  if (!reads || reads.truncated) return null;
  return reads.byScope.get(scope.toLowerCase()) ?? new Map();
}

export function assessScope(state: ScopeState, index: PrincipalIndex | null, reads: LastReads | null, now: number): ScopeSummary {
  const keys = state.keys.state === 'ok' ? state.keys.value : null;
  const acls = state.acls.state === 'ok' ? aclViews(state.acls.value, index) : null;
  const findings = scopeFindings({ name: state.info.name, keys, acls, lastReads: readsFor(state.info.name, reads) }, now);
  const times = (keys ?? []).flatMap((k) => (k.lastUpdated === null ? [] : [k.lastUpdated]));
  return {
    name: state.info.name,
    backend: state.info.backend,
    keyVault: state.info.keyVault,
    keyCount: keys ? keys.length : null,
    newestUpdate: times.length ? Math.max(...times) : null,
    oldestUpdate: times.length ? Math.min(...times) : null,
    acls,
    access: { keys: partView(state.keys), acls: partView(state.acls) },
    level: worstLevel(findings),
    findings,
  };
}

interface Context {
  actor: Actor;
  mode: Workspace['mode'];
  principals: Settled<PrincipalIndex>;
  reads: Settled<LastReads>;
}

function notices(ctx: Context, scopes: readonly ScopeSummary[]): SecretsNotice[] {
  const out: SecretsNotice[] = [];
  const keysHidden = scopes.filter((s) => s.access.keys.state === 'denied').length;
  const aclsHidden = scopes.filter((s) => s.access.acls.state === 'denied').length;
  const notAdmin = ctx.actor.workspaceAdmin !== true;
  if (keysHidden || aclsHidden || (ctx.mode === 'user' && notAdmin)) {
    const who = ctx.mode === 'user' ? `you (${ctx.actor.name})` : ctx.actor.name;
    const hidden = [
      keysHidden ? `the keys of ${keysHidden} (they need READ)` : null,
      aclsHidden ? `the access lists of ${aclsHidden} (they need MANAGE)` : null,
    ].filter(Boolean);
    out.push({
      code: 'partial_view',
      message:
        `These are the scopes Databricks shows ${who}${ctx.actor.workspaceAdmin === false ? ', who is not a workspace admin' : ''}` +
        (hidden.length ? `; it hides ${hidden.join(' and ')}` : '') +
        '. Findings cover only what could be read: this may not be the whole workspace.',
    });
  }
  if (!ctx.principals.ok)
    out.push({
      code: 'principals_unavailable',
      message: `People and groups in access lists are not resolved: the workspace directory (SCIM) could not be read (${upstreamReason(ctx.principals.error)}). Deactivated or deleted principals cannot be flagged.`,
    });
  if (!ctx.reads.ok)
    out.push({
      code: 'reads_unavailable',
      message: `Secret reads are not checked: the audit log could not be read (${upstreamReason(ctx.reads.error)}). Secrets unread for ${UNREAD_WINDOW_DAYS} days cannot be flagged.`,
    });
  else if (ctx.reads.value.truncated)
    out.push({
      code: 'reads_truncated',
      message: `Secret reads are not checked: the audit log holds more secrets read in ${UNREAD_WINDOW_DAYS} days than Brickwatch aggregates, so "unread" cannot be told apart from "not counted".`,
    });
  const failed = scopes.filter((s) => s.access.keys.state === 'failed' || s.access.acls.state === 'failed');
  if (failed.length) {
    const first = failed[0]!;
    const reason = first.access.keys.state === 'failed' ? first.access.keys.reason : first.access.acls.reason;
    out.push({
      code: 'scopes_failed',
      message: `${failed.length === 1 ? `The scope ${first.name} was` : `${failed.length} scopes were`} not read completely (${reason}); refresh to try again.`,
    });
  }
  return out;
}

interface Assessed {
  at: number;
  reads: Settled<LastReads>;
  principals: Settled<PrincipalIndex>;
  scopes: ScopeSummary[];
}
const assessedFor = new WeakMap<ScopeInventory, Assessed>();

/** Every scope judged once per inventory, directory and audit read (and minute); views filter that. */
function assess(inv: ScopeInventory, principals: Settled<PrincipalIndex>, reads: Settled<LastReads>, now: number): ScopeSummary[] {
  const hit = assessedFor.get(inv);
  const same = (a: Settled<unknown>, b: Settled<unknown>) => a.ok === b.ok && (a.ok ? a.value === (b as { value: unknown }).value : true);
  if (hit && now - hit.at < 60_000 && same(hit.reads, reads) && same(hit.principals, principals)) return hit.scopes;
  const index = principals.ok ? principals.value : null;
  const lastReads = reads.ok ? reads.value : null;
  const scopes = inv.scopes.map((s) => assessScope(s, index, lastReads, now)).sort(byRisk);
  assessedFor.set(inv, { at: now, reads, principals, scopes });
  return scopes;
}

export async function scopeListView(ws: Workspace, filters: ScopeFilters, now = Date.now()): Promise<ScopesResponse> {
  const [inv, principals, reads] = await Promise.all([loadScopeInventory(ws), settle(loadPrincipals(ws)), settle(loadLastReads(ws))]);
  const all = assess(inv, principals, reads, now);
  const scopes = selectScopes(all, filters);
  return {
    generatedAt: now,
    readAt: inv.readAt,
    actor: inv.actor,
    notices: notices({ actor: inv.actor, mode: ws.mode, principals, reads }, all),
    total: all.length,
    matched: scopes.length,
    summary: summarizeScopes(all),
    scopes,
  };
}

export async function scopeDetailView(ws: Workspace, name: string, now = Date.now()): Promise<ScopeDetail> {
  const [state, actor] = await Promise.all([readOneScope(ws, name), loadActor(ws)]);
  if (!state)
    throw new DomainError(
      'not_found',
      'SCOPE_NOT_FOUND',
      `There is no secret scope named “${name}”, or Databricks does not show it to ${ws.mode === 'user' ? actor.name : 'Brickwatch’s identity'}.`,
    );
  const [principals, reads, activity] = await Promise.all([
    settle(loadPrincipals(ws)),
    settle(loadLastReads(ws)),
    loadScopeActivity(ws, state.info.name, actor.name, now),
  ]);
  const index = principals.ok ? principals.value : null;
  const summary = assessScope(state, index, reads.ok ? reads.value : null, now);
  const lastReads = readsFor(state.info.name, reads.ok ? reads.value : null);
  return {
    ...summary,
    generatedAt: now,
    readAt: state.readAt,
    notices: notices({ actor, mode: ws.mode, principals, reads }, [summary]),
    keys:
      state.keys.state === 'ok'
        ? state.keys.value
            .map((k) => ({
              key: k.key,
              lastUpdated: k.lastUpdated,
              reads: activity.collected ? (activity.keyReads.get(k.key) ?? 0) : null,
              lastRead: lastReads ? (lastReads.get(k.key) ?? null) : null,
            }))
            .sort((a, b) => a.key.localeCompare(b.key))
        : null,
    activity: activity.view(index),
  };
}
