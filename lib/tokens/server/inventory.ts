// Everything the tokens page needs from Databricks, read in parallel, cached briefly per identity, and degraded
// honestly: each part that cannot be read becomes a notice saying what was not collected and why, never a silent gap.
import 'server-only';
import type { RotationActor } from '@/lib/tokens/rules/rotation-rules';
import { assessTokenPolicy, type TokenPolicyAssessment } from '@/lib/tokens/rules/policy';
import type { TokenOwner, TokenRecord, TokenUsage } from '@/lib/tokens/rules/types';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { currentUser } from '@/lib/databricks/api/scim';
import { cachedRead } from './cache';
import { isForbidden, upstreamReason } from '@/lib/databricks/upstream';
import { loadDirectory, type Directory } from '@/lib/databricks/api/scim-directory';
import { expiryOf, getTokenConf, getTokenPermissions, listAllTokens, listOwnTokens, type TokenInfo } from '@/lib/databricks/api/tokens';
import { loadSharedTokenUsage } from './usage';

export type TokenNoticeCode =
  'own_tokens_only' | 'owners_unavailable' | 'usage_unavailable' | 'policy_unavailable' | 'permissions_unavailable';

export interface TokenNotice {
  code: TokenNoticeCode;
  message: string;
}

export interface TokenInventory {
  /** `own`: the identity may not use token management, so only its own tokens are listed. */
  scope: 'workspace' | 'own';
  records: TokenRecord[];
  usage: ReadonlyMap<string, TokenUsage> | null;
  policy: TokenPolicyAssessment;
  actor: RotationActor;
  notices: TokenNotice[];
  /** When the token list was read from Databricks (epoch ms). */
  readAt: number;
}

async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The identity Brickwatch acts as, with its SCIM id (rotation compares it with token owners). */
export async function loadActor(ws: Workspace): Promise<RotationActor> {
  const me = await cachedRead(ws, 'me', () => currentUser(ws.rest));
  return { id: me.id, kind: ws.actingAs.kind === 'service-principal' ? 'service_principal' : 'user', name: me.userName };
}

function toRecord(info: TokenInfo, owner: TokenRecord['owner']): TokenRecord {
  return {
    tokenId: info.token_id,
    comment: info.comment ?? '',
    creationTime: info.creation_time ?? 0,
    expiryTime: expiryOf(info),
    lastUsedDay: info.last_used_day ?? null,
    createdBy: info.created_by_username ?? null,
    owner,
  };
}

/** Every token through token management, or, for an identity without that right, its own tokens (said so). */
async function readTokens(ws: Workspace, actor: RotationActor): Promise<{ scope: TokenInventory['scope']; infos: TokenInfo[] }> {
  try {
    return { scope: 'workspace', infos: await listAllTokens(ws.rest) };
  } catch (e) {
    if (!isForbidden(e)) throw e;
    const infos = await listOwnTokens(ws.rest);
    // The caller's own tokens carry no owner fields: they are all the caller's.
    return {
      scope: 'own',
      infos: infos.map((i) => ({ ...i, owner_id: i.owner_id ?? actor.id, created_by_username: i.created_by_username ?? actor.name })),
    };
  }
}

/** Throws only when the token list itself cannot be read; everything else degrades to a notice. */
export async function loadTokenInventory(ws: Workspace, now = Date.now()): Promise<TokenInventory> {
  const actor = await loadActor(ws);
  const [tokens, directory, usage, conf, permissions] = await Promise.all([
    // Cached with its scope, so a cached list of one's own tokens is never taken for the whole workspace's.
    cachedRead(ws, 'tokens', () => readTokens(ws, actor)),
    settle(cachedRead<Directory>(ws, 'directory', () => loadDirectory(ws.rest))),
    settle(cachedRead(ws, 'usage', () => loadSharedTokenUsage(ws.sql, now))),
    settle(cachedRead(ws, 'conf', () => getTokenConf(ws.rest))),
    settle(cachedRead(ws, 'permissions', () => getTokenPermissions(ws.rest))),
  ]);

  const notices: TokenNotice[] = [];
  if (tokens.scope === 'own') {
    notices.push({
      code: 'own_tokens_only',
      message: `Only the tokens of ${actor.name} are listed: seeing every token in the workspace needs workspace admin rights (token management). This is not the whole workspace.`,
    });
  }
  if (!directory.ok)
    notices.push({
      code: 'owners_unavailable',
      message: `Owners not resolved: the workspace directory (SCIM) could not be read (${upstreamReason(directory.error)}). Deactivated owners cannot be flagged.`,
    });
  if (!usage.ok)
    notices.push({
      code: 'usage_unavailable',
      message: `Sharing not checked: the audit log could not be read (${upstreamReason(usage.error)}).`,
    });
  if (!conf.ok)
    notices.push({
      code: 'policy_unavailable',
      message: `Workspace token policy not collected (${upstreamReason(conf.error)}). Lifetimes are compared with 90 days only.`,
    });
  if (!permissions.ok)
    notices.push({ code: 'permissions_unavailable', message: `Token permissions not collected (${upstreamReason(permissions.error)}).` });

  const dir = directory.ok ? directory.value : null;
  return {
    scope: tokens.scope,
    records: tokens.infos.map((info) => toRecord(info, resolveOwner(info.owner_id ?? null, dir))),
    usage: usage.ok ? usage.value : null,
    policy: assessTokenPolicy({ conf: conf.ok ? conf.value : null, permissions: permissions.ok ? permissions.value : null }),
    actor,
    notices,
    readAt: now,
  };
}

/** The owner as the risk rules see it; `directory` null means SCIM could not be read, so status stays unknown. */
export function resolveOwner(ownerId: string | null, directory: Directory | null): TokenOwner {
  if (ownerId === null) return { id: null, kind: 'unknown', name: null, displayName: null, status: 'unknown' };
  if (directory === null) return { id: ownerId, kind: 'unknown', name: null, displayName: null, status: 'unknown' };
  const entry = directory.get(ownerId);
  if (!entry) return { id: ownerId, kind: 'unknown', name: null, displayName: null, status: 'deleted' };
  return {
    id: ownerId,
    kind: entry.kind,
    name: entry.name,
    displayName: entry.displayName,
    status: entry.active ? 'active' : 'deactivated',
  };
}
