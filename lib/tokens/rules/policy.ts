// The workspace's token policy as a security reviewer reads it: how long new tokens may live, whether PATs are on,
// and who may create them.
import { TOKEN_RISK_THRESHOLDS } from './risk';
import { count } from '@/lib/plural';

/** Databricks accepts `maxTokenLifetimeDays` between 1 and 730 (current docs; unset behaves as 730). */
export const MAX_TOKEN_LIFETIME_LIMITS = { min: 1, max: 730 } as const;

export interface TokenPermissionEntry {
  kind: 'user' | 'group' | 'service_principal';
  /** userName, group display name or applicationId. */
  name: string;
  displayName: string | null;
  /** CAN_USE lets a principal create and use PATs; CAN_MANAGE is the admins' level. */
  level: string;
}

export interface TokenPolicyInput {
  /** Raw workspace-conf strings (null when unset); the whole object is null when workspace-conf could not be read. */
  conf: { maxTokenLifetimeDays: string | null; enableTokensConfig: string | null } | null;
  /** null when token permissions could not be read. */
  permissions: TokenPermissionEntry[] | null;
}

export interface PolicyFinding {
  code: 'no_maximum' | 'maximum_above_recommended' | 'tokens_disabled' | 'everyone_may_create';
  level: 'warning' | 'info';
  text: string;
}

export interface TokenPolicyAssessment {
  /** false: workspace-conf could not be read, so nothing is claimed about the maximum or the switch. */
  confCollected: boolean;
  /** null: no maximum is set (or not collected). */
  maxLifetimeDays: number | null;
  /** null: unknown (setting unreadable); Databricks' default is enabled. */
  tokensEnabled: boolean | null;
  /** Principals allowed to create tokens (CAN_USE or CAN_MANAGE); null when permissions could not be read. */
  creators: TokenPermissionEntry[] | null;
  findings: PolicyFinding[];
}

/**
 * `maxTokenLifetimeDays` as a number of days, or null when no maximum applies. Older workspaces documented `0` as
 * "no limit"; anything that is not a positive whole number is treated as unset rather than guessed at.
 */
export function parseMaxLifetimeDays(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^\d+$/.test(raw.trim())) return null;
  const days = Number(raw.trim());
  return days > 0 ? days : null;
}

function parseBoolean(raw: string | null | undefined): boolean | null {
  if (raw === null || raw === undefined || raw === '') return null;
  return raw.trim().toLowerCase() === 'true';
}

export function assessTokenPolicy(input: TokenPolicyInput): TokenPolicyAssessment {
  const recommended = TOKEN_RISK_THRESHOLDS.recommendedMaxLifetimeDays;
  const maxLifetimeDays = parseMaxLifetimeDays(input.conf?.maxTokenLifetimeDays);
  const tokensEnabled = parseBoolean(input.conf?.enableTokensConfig);
  const creators = input.permissions?.filter((p) => p.level === 'CAN_USE' || p.level === 'CAN_MANAGE') ?? null;
  const findings: PolicyFinding[] = [];

  if (input.conf && maxLifetimeDays === null) {
    findings.push({
      code: 'no_maximum',
      level: 'warning',
      text: `No maximum token lifetime is set: new tokens may live up to ${MAX_TOKEN_LIFETIME_LIMITS.max} days (or forever on older workspaces). Set ${recommended} days or less.`,
    });
  } else if (maxLifetimeDays !== null && maxLifetimeDays > recommended) {
    findings.push({
      code: 'maximum_above_recommended',
      level: 'warning',
      text: `The maximum token lifetime is ${maxLifetimeDays} days, above the recommended ${recommended}.`,
    });
  }
  if (tokensEnabled === false) {
    findings.push({
      code: 'tokens_disabled',
      level: 'info',
      text: 'Personal access tokens are turned off for this workspace: existing tokens do not work until they are turned on again, but they are not deleted.',
    });
  }
  // `users` is the all-users group, so CAN_USE there means anyone in the workspace may mint tokens.
  if (creators?.some((p) => p.kind === 'group' && p.name === 'users')) {
    findings.push({
      code: 'everyone_may_create',
      level: 'warning',
      text: 'Every workspace user may create tokens (group "users" holds CAN_USE). Grant CAN_USE to a narrower group.',
    });
  }
  return { confCollected: input.conf !== null, maxLifetimeDays, tokensEnabled, creators, findings };
}

/** What changing the maximum would mean, for the confirmation dialog; null when the value is not allowed. */
export function describePolicyChange(current: number | null, next: number): string | null {
  const { min, max } = MAX_TOKEN_LIFETIME_LIMITS;
  if (!Number.isInteger(next) || next < min || next > max) return null;
  const from = current === null ? 'no maximum' : count(current, 'day');
  const notes = [`Maximum lifetime of new tokens: ${from} → ${count(next, 'day')}.`];
  if (current === null || next < current) notes.push('Existing tokens keep their expiry; only new tokens are capped.');
  const recommended = TOKEN_RISK_THRESHOLDS.recommendedMaxLifetimeDays;
  if (next > recommended) notes.push(`This is above the recommended ${recommended} days.`);
  return notes.join(' ');
}
