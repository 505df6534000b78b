// GET /api/tokens in one pass over the cached inventory, answered as a JSON string that is itself memoised per
// inventory and filter set: repeated views (paging back, other tabs, the benchmark) cost no recomputation.
import 'server-only';
import { rotationLifetimeLimits, type LifetimeLimits, type RotationActor } from '@/lib/security/rotation-rules';
import { tokenFiltersToSearchParams, type TokenFilters } from '@/lib/security/token-filters';
import type { TokenPolicyAssessment } from '@/lib/security/token-policy';
import { queryTokens } from '@/lib/security/token-query';
import type { TokenSummary } from '@/lib/security/token-summary';
import { encodeTokenRows, type TokenListWire } from '@/lib/security/token-wire';
import type { Workspace } from './get-workspace';
import { cachedRead, invalidateTokenReads } from './tokens-cache';
import { loadTokenInventory, type TokenInventory, type TokenNotice } from './tokens-inventory';

export interface TokenListResponse {
  /** The instant the risk rules were applied (decode days left against it). */
  generatedAt: number;
  scope: TokenInventory['scope'];
  notices: TokenNotice[];
  actor: RotationActor;
  /** Tokens visible to the identity, before filters. */
  total: number;
  matched: number;
  summary: TokenSummary;
  policy: TokenPolicyAssessment;
  /** Lifetime choices for a rotation under this policy. */
  limits: LifetimeLimits;
  usageCollected: boolean;
  tokens: TokenListWire;
}

/** Risk counts in days; a minute-old assessment is as good as a fresh one. */
const REUSE_MS = 60_000;
const MAX_VIEWS_PER_INVENTORY = 20;
const views = new WeakMap<TokenInventory, Map<string, { at: number; json: string }>>();

export function buildTokenList(inv: TokenInventory, filters: TokenFilters, now: number): TokenListResponse {
  const result = queryTokens({ records: inv.records, usage: inv.usage, maxLifetimeDays: inv.policy.maxLifetimeDays, filters, now });
  return {
    generatedAt: now,
    scope: inv.scope,
    notices: inv.notices,
    actor: inv.actor,
    total: result.total,
    matched: result.rows.length,
    summary: result.summary,
    policy: inv.policy,
    limits: rotationLifetimeLimits(inv.policy.maxLifetimeDays),
    usageCollected: inv.usage !== null,
    tokens: encodeTokenRows(result.rows),
  };
}

/** A request that asks for a fresh answer (Refresh button, browser reload) rather than one from cache. */
export function wantsFresh(headers: Headers): boolean {
  return /no-cache|max-age=0/i.test(headers.get('cache-control') ?? '');
}

/**
 * The response body for `filters`, as JSON text. `fresh` re-reads the tokens, owners and policy for this identity;
 * the audit aggregate stays cached (it lags by minutes anyway and is the most expensive read).
 */
export async function tokenListJson(ws: Workspace, filters: TokenFilters, { fresh = false, now = Date.now() }: { fresh?: boolean; now?: number } = {}): Promise<string> {
  if (fresh) invalidateTokenReads(ws.host, ['tokens', 'directory', 'conf', 'permissions'], ws);
  const inv = await cachedRead(ws, 'inventory', () => loadTokenInventory(ws, now));
  let perFilter = views.get(inv);
  if (!perFilter) views.set(inv, (perFilter = new Map()));
  const key = tokenFiltersToSearchParams(filters).toString();
  const hit = perFilter.get(key);
  if (hit && now - hit.at < REUSE_MS) return hit.json;
  const json = JSON.stringify(buildTokenList(inv, filters, now));
  if (perFilter.size >= MAX_VIEWS_PER_INVENTORY) perFilter.delete(perFilter.keys().next().value as string);
  perFilter.set(key, { at: now, json });
  return json;
}
