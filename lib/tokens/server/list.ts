// GET /api/tokens over the cached inventory: every token is assessed once per inventory and minute, each view is
// then a filter and sort of those rows, and the view's JSON text is memoised, so paging back, other tabs and the
// benchmark cost no recomputation.
import 'server-only';
import { commentWithoutMarker, rotationLifetimeLimits } from '@/lib/tokens/rules/rotation-rules';
import { tokenFiltersToSearchParams, type TokenFilters } from '@/lib/tokens/contract';

import { assessTokens, selectTokens, type AssessedTokens } from '@/lib/tokens/rules/query';

import { encodeTokenRows } from '@/lib/tokens/rules/wire';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { TokenListResponse } from '@/lib/tokens/contract';
import { identityKey } from '@/lib/read-cache';
import { processSingleton } from '@/lib/singleton';
import type { TokenRecord } from '@/lib/tokens/rules/types';
import { cachedRead, invalidateTokenReads } from './cache';
import { loadTokenInventory, type TokenInventory } from './inventory';

/** Risk is counted in days; an assessment a minute old is as good as a fresh one. */
const REUSE_MS = 60_000;
const MAX_VIEWS_PER_INVENTORY = 20;

interface Memo {
  assessment: AssessedTokens & { at: number };
  /** One view per canonical filter string. */
  views: Map<string, TokenListView>;
}
const memos = new WeakMap<TokenInventory, Memo>();

function memoFor(inv: TokenInventory, now: number): Memo {
  const hit = memos.get(inv);
  if (hit && now - hit.assessment.at < REUSE_MS) return hit;
  const memo = {
    assessment: { ...assessTokens({ records: inv.records, usage: inv.usage, maxLifetimeDays: inv.policy.maxLifetimeDays, now }), at: now },
    views: new Map<string, TokenListView>(),
  };
  memos.set(inv, memo);
  return memo;
}

export function buildTokenList(inv: TokenInventory, assessment: AssessedTokens & { at: number }, filters: TokenFilters): TokenListResponse {
  const rows = selectTokens(assessment.rows, filters, assessment.at);
  return {
    generatedAt: assessment.at,
    readAt: inv.readAt,
    scope: inv.scope,
    notices: inv.notices,
    actor: inv.actor,
    total: assessment.rows.length,
    matched: rows.length,
    summary: assessment.summary,
    policy: inv.policy,
    limits: rotationLifetimeLimits(inv.policy.maxLifetimeDays),
    usageCollected: inv.usage !== null,
    tokens: encodeTokenRows(rows),
  };
}

/** A request that asks for a fresh answer (Refresh button, browser reload) rather than one from cache. */
export function wantsFresh(headers: Headers): boolean {
  return /no-cache|max-age=0/i.test(headers.get('cache-control') ?? '');
}

export interface TokenListView {
  data: TokenListResponse;
  /** The same answer as JSON text, serialised once per view and inventory (paging back and other tabs reuse it). */
  json: string;
}

/** The answer for `filters`. `fresh` re-reads the tokens, owners and policy for this identity; the audit aggregate
 * stays cached (it lags by minutes anyway and is the most expensive read). */
export async function tokenListView(
  ws: Workspace,
  filters: TokenFilters,
  { fresh = false, now = Date.now() }: { fresh?: boolean; now?: number } = {},
): Promise<TokenListView> {
  if (fresh) invalidateTokenReads(ws.host, ['tokens', 'directory', 'conf', 'permissions'], ws);
  const inv = await cachedRead(ws, 'inventory', () => loadTokenInventory(ws));
  lastSeen.set(identityKey(ws), inv);
  const memo = memoFor(inv, now);
  const key = tokenFiltersToSearchParams(filters).toString();
  let view = memo.views.get(key);
  if (view === undefined) {
    const data = buildTokenList(inv, memo.assessment, filters);
    view = { data, json: JSON.stringify(data) };
    if (memo.views.size >= MAX_VIEWS_PER_INVENTORY) memo.views.delete(memo.views.keys().next().value as string);
    memo.views.set(key, view);
  }
  return view;
}

// The list each identity read last, so an action on a token can name it in the action log (comment and owner) without
// asking Databricks again: a revoked token can no longer be looked up, and its row should still read as people know it.
const lastSeen = processSingleton('tokens.last-seen', () => new Map<string, TokenInventory>());
const byId = new WeakMap<TokenInventory, Map<string, TokenRecord>>();

/** A token's comment and owner as the identity's last list showed them; null when it has not listed this token. */
export function knownToken(ws: Pick<Workspace, 'host' | 'actingAs'>, tokenId: string): { comment: string; owner: string | null } | null {
  const inv = lastSeen.get(identityKey(ws));
  if (!inv) return null;
  let index = byId.get(inv);
  if (!index) {
    index = new Map(inv.records.map((r) => [r.tokenId, r]));
    byId.set(inv, index);
  }
  const record = index.get(tokenId);
  return record ? { comment: commentWithoutMarker(record.comment), owner: record.owner.displayName ?? record.owner.name } : null;
}
