// Check 1: every token has an expiry, none lives longer than 90 days, and the workspace maximum lifetime is 90 days or
// less. Reads the Tokens area's inventory (shared with the tokens page through its per-identity cache).
import 'server-only';
import { TOKEN_RISK_THRESHOLDS } from '@/lib/tokens/rules/risk';
import { DAY_MS, type TokenRecord } from '@/lib/tokens/rules/types';
import { cachedRead } from '@/lib/tokens/server/cache';
import { loadTokenInventory } from '@/lib/tokens/server/inventory';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, type CheckContext } from './define';

const MAX_DAYS = TOKEN_RISK_THRESHOLDS.recommendedMaxLifetimeDays;

export interface TokenLifetimeInput {
  /** `own`: the identity may not use token management, so only its own tokens were listed. */
  scope: 'workspace' | 'own';
  actor: string;
  tokens: TokenRecord[];
  /** The workspace maximum in days, null when none is set; undefined when workspace-conf could not be read. */
  maxLifetimeDays: number | null | undefined;
}

export const tokenLifetimeMeta: CheckMeta = {
  id: 'token-lifetime',
  number: 1,
  title: 'Tokens expire within 90 days',
  category: 'Identity and access',
  severity: 'high',
  reads: [
    { what: 'Every personal access token (token management)', permission: 'Workspace admin' },
    { what: 'The maximum lifetime of new tokens (workspace-conf maxTokenLifetimeDays)', permission: 'Workspace admin' },
  ],
  judges: `Fails for every token that never expires or lives longer than ${MAX_DAYS} days, and when the workspace maximum lifetime is unset or above ${MAX_DAYS} days. Expired tokens are ignored: they no longer work.`,
  fix: {
    text: `Rotate or revoke tokens without an expiry or with a lifetime above ${MAX_DAYS} days, and set the maximum lifetime of new tokens to ${MAX_DAYS} days or less.`,
    label: 'Open Tokens',
    href: '/tokens?expiry=never',
    external: false,
  },
};

/** The Tokens area's inventory, through its cache: one read serves the tokens page and both token checks. */
export function tokenInventory(ctx: CheckContext) {
  return cachedRead(ctx.ws, 'inventory', () => loadTokenInventory(ctx.ws));
}

export async function tokenLifetimeInput(ctx: CheckContext): Promise<TokenLifetimeInput> {
  const inv = await tokenInventory(ctx);
  return {
    scope: inv.scope,
    actor: inv.actor.name,
    tokens: inv.records,
    maxLifetimeDays: inv.policy.confCollected ? inv.policy.maxLifetimeDays : undefined,
  };
}

export function tokenLabel(t: Pick<TokenRecord, 'tokenId' | 'comment' | 'owner'>): string {
  const name = t.comment.trim() || `Token ${t.tokenId.slice(0, 8)}…`;
  const owner = t.owner.displayName ?? t.owner.name;
  return owner ? `${name} (${owner})` : name;
}

export const tokenHref = (tokenId: string) => `/tokens?q=${encodeURIComponent(tokenId)}`;

export function judgeTokenLifetime(input: TokenLifetimeInput, { now }: { now: number }) {
  const items: Evidence[] = [];
  const gaps: Gap[] = [];
  const max = input.maxLifetimeDays;
  if (max === undefined) {
    gaps.push({ text: 'The workspace maximum token lifetime could not be read', needs: 'Workspace admin (workspace-conf)' });
  } else if (max === null) {
    items.push(
      evidence(
        'setting:maxTokenLifetimeDays',
        'Maximum token lifetime',
        'No maximum is set: new tokens may live up to 730 days',
        '/tokens',
      ),
    );
  } else if (max > MAX_DAYS) {
    items.push(
      evidence('setting:maxTokenLifetimeDays', 'Maximum token lifetime', `Set to ${plural(max, 'day')}, above ${MAX_DAYS}`, '/tokens'),
    );
  }
  const never: Evidence[] = [];
  const long: Array<Evidence & { days: number }> = [];
  for (const t of input.tokens) {
    if (t.expiryTime !== null && t.expiryTime <= now) continue;
    if (t.expiryTime === null) {
      never.push(evidence(`token:${t.tokenId}`, tokenLabel(t), 'Never expires', tokenHref(t.tokenId)));
      continue;
    }
    const days = Math.round((t.expiryTime - t.creationTime) / DAY_MS);
    if (days > MAX_DAYS)
      long.push({ ...evidence(`token:${t.tokenId}`, tokenLabel(t), `Lifetime of ${plural(days, 'day')}`, tokenHref(t.tokenId)), days });
  }
  long.sort((a, b) => b.days - a.days);
  items.push(...never, ...long.map(({ days: _days, ...e }) => e));
  if (input.scope === 'own') {
    gaps.push({
      text: `Only the tokens of ${input.actor} could be listed (token management needs a workspace admin)`,
      needs: 'Workspace admin (token management)',
    });
  }
  return verdictFrom({
    evidence: items,
    gaps,
    passReason: `Every live token expires within ${MAX_DAYS} days, and new tokens are capped at ${plural(max ?? 0, 'day')}.`,
    failReason: () =>
      [
        never.length ? `${plural(never.length, 'token')} never ${never.length === 1 ? 'expires' : 'expire'}` : null,
        long.length ? `${plural(long.length, 'token')} ${long.length === 1 ? 'lives' : 'live'} longer than ${MAX_DAYS} days` : null,
        items[0]?.key === 'setting:maxTokenLifetimeDays' ? 'the workspace maximum lifetime is above 90 days or unset' : null,
      ]
        .filter(Boolean)
        .join('; ')
        .replace(/^./, (c) => c.toUpperCase()) + '.',
  });
}

export const tokenLifetimeCheck = defineCheck(tokenLifetimeMeta, tokenLifetimeInput, judgeTokenLifetime);
