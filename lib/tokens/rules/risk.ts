// Token risk: which personal access tokens could hurt us, and why, in words the page shows as they are.
//
// Decisions the issue leaves open:
// - An already expired token cannot authenticate, so it is `low` with one reason ("expired …") and no other rule
//   applies to it; Databricks garbage-collects it later (`accounts.garbageCollectDbToken`).
// - A token with no recorded use (`last_used_day` absent) counts as unused once it is 60+ days old. Databricks only
//   started recording `last_used_day` around October 2024, so the text says "no recorded use", not "never used".
//   A younger token without use is normal (provisioned, not yet deployed) and raises nothing.
// - Lifetimes are compared in whole days (rounded), so a token created with exactly the maximum is not flagged.
// - "Possibly shared" is `medium`: it is a practice problem (one workload per token), not an exposure by itself.
import {
  DAY_MS,
  RISK_RANK,
  type RiskCode,
  type RiskLevel,
  type RiskReason,
  type TokenRecord,
  type TokenRisk,
  type TokenUsage,
} from './types';

export const TOKEN_RISK_THRESHOLDS = {
  expiringWithinDays: 30,
  /** Databricks' own guidance and the usual audit finding: PATs should live 90 days or less. */
  recommendedMaxLifetimeDays: 90,
  unusedDays: 60,
  /** A token used from this many source IPs, or this many client programs, in the window looks shared. */
  sharedMinIps: 5,
  sharedMinClients: 3,
  usageWindowDays: 30,
} as const;

/**
 * Within a level: a live token of someone who is gone outranks one that merely never expires; signs of sharing (an
 * active misuse pattern) outrank an imminent expiry, which outranks dormancy, which outranks a long lifetime.
 */
export const REASON_SEVERITY: Record<RiskCode, number> = {
  owner_inactive: 7,
  no_expiry: 6,
  possibly_shared: 5,
  expires_soon: 4,
  unused: 3,
  lifetime_above_max: 2,
  expired: 1,
};

export interface RiskContext {
  now: number;
  /** Workspace `maxTokenLifetimeDays`; null when no maximum is set. */
  maxLifetimeDays: number | null;
}

const T = TOKEN_RISK_THRESHOLDS;

/** ISO calendar date (UTC) of an epoch-ms instant: stable across locales and time zones. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from now until `ms`, rounded up (an hour left is "1 day"); negative once passed. */
export function daysUntil(ms: number, now: number): number {
  return Math.ceil((ms - now) / DAY_MS);
}

/** Whole days elapsed since `ms` (rounded down). */
export function daysSince(ms: number, now: number): number {
  return Math.floor((now - ms) / DAY_MS);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ownerLabel(token: TokenRecord): string {
  const { owner } = token;
  const kind = owner.kind === 'service_principal' ? 'Service principal' : 'Owner';
  return `${kind} ${owner.displayName ?? owner.name ?? (owner.id ? `#${owner.id}` : '(unknown)')}`;
}

function lifetimeReason(token: TokenRecord, expiry: number, ctx: RiskContext): RiskReason | null {
  const lifetime = Math.round((expiry - token.creationTime) / DAY_MS);
  const max = ctx.maxLifetimeDays;
  if (max !== null && lifetime > max) {
    return {
      code: 'lifetime_above_max',
      level: 'medium',
      text: `Lifetime of ${plural(lifetime, 'day')} is above the workspace maximum of ${plural(max, 'day')} (the maximum only applies to new tokens)`,
    };
  }
  if (lifetime > T.recommendedMaxLifetimeDays) {
    return {
      code: 'lifetime_above_max',
      level: 'medium',
      text: `Lifetime of ${plural(lifetime, 'day')} is above the recommended ${T.recommendedMaxLifetimeDays} days`,
    };
  }
  return null;
}

function unusedReason(token: TokenRecord, now: number): RiskReason | null {
  if (token.lastUsedDay !== null) {
    const idle = daysSince(token.lastUsedDay, now);
    if (idle < T.unusedDays) return null;
    return { code: 'unused', level: 'medium', text: `Unused for ${idle} days (last used ${isoDay(token.lastUsedDay)})` };
  }
  const age = daysSince(token.creationTime, now);
  if (age < T.unusedDays) return null;
  return { code: 'unused', level: 'medium', text: `No recorded use in the ${age} days since it was created` };
}

function sharedReason(usage: TokenUsage | undefined): RiskReason | null {
  if (!usage) return null;
  const manyIps = usage.distinctIps >= T.sharedMinIps;
  const manyClients = usage.distinctClients >= T.sharedMinClients;
  if (!manyIps && !manyClients) return null;
  const seen = [manyIps && plural(usage.distinctIps, 'source IP'), manyClients && plural(usage.distinctClients, 'client')]
    .filter(Boolean)
    .join(' and ');
  return {
    code: 'possibly_shared',
    level: 'medium',
    text: `Used from ${seen} in the last ${T.usageWindowDays} days: possibly shared (one workload per token is the practice)`,
  };
}

/**
 * Every rule of issue 4 applied to one token. `usage` is the token's audit aggregate; pass undefined when the token
 * had no sign-ins in the window or usage could not be collected (the page says which, not this function).
 */
export function assessTokenRisk(token: TokenRecord, usage: TokenUsage | undefined, ctx: RiskContext): TokenRisk {
  const { now } = ctx;
  const expiry = token.expiryTime;
  if (expiry !== null && expiry <= now) {
    const ago = daysSince(expiry, now);
    const when = ago === 0 ? 'today' : `${plural(ago, 'day')} ago`;
    return {
      level: 'low',
      reasons: [{ code: 'expired', level: 'low', text: `Expired ${when} (${isoDay(expiry)}); it can no longer be used` }],
    };
  }

  const reasons: RiskReason[] = [];
  if (expiry === null) reasons.push({ code: 'no_expiry', level: 'high', text: 'Never expires' });
  if (token.owner.status === 'deactivated') {
    reasons.push({ code: 'owner_inactive', level: 'high', text: `${ownerLabel(token)} is deactivated, yet the token was never revoked` });
  } else if (token.owner.status === 'deleted') {
    reasons.push({
      code: 'owner_inactive',
      level: 'high',
      text: `${ownerLabel(token)} no longer exists in the workspace, yet the token was never revoked`,
    });
  }
  if (expiry !== null) {
    const left = daysUntil(expiry, now);
    if (left <= T.expiringWithinDays) {
      reasons.push({
        code: 'expires_soon',
        level: 'medium',
        text: `Expires in ${plural(left, 'day')} (${isoDay(expiry)}): rotate it before the workload breaks`,
      });
    }
    const lifetime = lifetimeReason(token, expiry, ctx);
    if (lifetime) reasons.push(lifetime);
  }
  const unused = unusedReason(token, now);
  if (unused) reasons.push(unused);
  const shared = sharedReason(usage);
  if (shared) reasons.push(shared);

  // Most severe first, so the reason a table shows before "more" is the one that matters most. Stable: equal ranks
  // keep rule order, and the text reads the same on every render.
  reasons.sort((a, b) => RISK_RANK[b.level] - RISK_RANK[a.level] || REASON_SEVERITY[b.code] - REASON_SEVERITY[a.code]);
  return { level: highestLevel(reasons), reasons };
}

export function highestLevel(reasons: readonly RiskReason[]): RiskLevel {
  let level: RiskLevel = 'low';
  for (const r of reasons) if (RISK_RANK[r.level] > RISK_RANK[level]) level = r.level;
  return level;
}
