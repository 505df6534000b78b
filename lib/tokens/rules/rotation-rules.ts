// What Databricks lets us rotate, for how long the new token may live, and the marker that finds a token whose
// create response was lost.
import { MAX_TOKEN_LIFETIME_LIMITS } from './policy';
import { TOKEN_RISK_THRESHOLDS } from './risk';
import { commentWithoutMarker, ROTATION_MARKER as MARKER } from './rotation-marker';
import type { TokenOwner } from './types';

export { commentWithoutMarker };

/** The identity Brickwatch acts as for the request (the signed-in admin in `user` mode, the configured principal in `service` mode). */
export interface RotationActor {
  /** SCIM id. */
  id: string;
  kind: 'user' | 'service_principal';
  name: string;
}

export type RotationPlan =
  /** The acting identity's own token: POST /api/2.0/token/create, then revoke the old one. */
  | { canRotate: true; method: 'own' }
  /** A service principal's token: POST /api/2.0/token-management/on-behalf-of/tokens, then revoke the old one. */
  | { canRotate: true; method: 'on_behalf_of'; applicationId: string }
  | { canRotate: false; reason: string };

/**
 * `person` is who asks (their userName): when Brickwatch acts as a service principal, their own token is still not
 * one Brickwatch can replace, and the reason says so in those words rather than as "another person's".
 */
export function rotationPlan(owner: TokenOwner, actor: RotationActor, person?: { userName: string }): RotationPlan {
  if (owner.id !== null && owner.id === actor.id) return { canRotate: true, method: 'own' };
  const who = owner.displayName ?? owner.name ?? (owner.id ? `#${owner.id}` : 'the owner');
  if (owner.kind === 'user' && person && owner.name?.toLowerCase() === person.userName.toLowerCase() && owner.status === 'active') {
    return {
      canRotate: false,
      reason: `This is your own token, but Brickwatch acts as the service principal ${actor.name} in this workspace, and Databricks only lets an identity create tokens for itself or for service principals. Create the new token yourself in Databricks (Settings → Developer → Access tokens), then revoke this one here.`,
    };
  }
  if (owner.status === 'deleted') {
    return {
      canRotate: false,
      reason: `The owner (${who}) no longer exists, so no replacement can be created for them. Revoke the token.`,
    };
  }
  if (owner.kind === 'service_principal') {
    if (owner.status === 'deactivated') {
      return {
        canRotate: false,
        reason: `Service principal ${who} is deactivated, so a new token for it would not work. Revoke the token.`,
      };
    }
    if (owner.name) return { canRotate: true, method: 'on_behalf_of', applicationId: owner.name };
  }
  if (owner.kind === 'user') {
    return {
      canRotate: false,
      reason: `Databricks does not let anyone create a token for another person: only ${who} can create their own. Revoke this token and ask them to create a new one.`,
    };
  }
  return {
    canRotate: false,
    reason: 'The owner of this token could not be identified, so no replacement can be created. Revoke the token.',
  };
}

export interface LifetimeLimits {
  /** Pre-filled in the dialog: the workspace maximum, never above 90 days. */
  defaultDays: number;
  /** Allowed without override. */
  maxDays: number;
  /** Allowed with an explicit override: the workspace maximum (730 when none is set). */
  overrideMaxDays: number;
}

export function rotationLifetimeLimits(policyMaxDays: number | null): LifetimeLimits {
  const recommended = TOKEN_RISK_THRESHOLDS.recommendedMaxLifetimeDays;
  const overrideMaxDays = Math.min(policyMaxDays ?? MAX_TOKEN_LIFETIME_LIMITS.max, MAX_TOKEN_LIFETIME_LIMITS.max);
  const maxDays = Math.min(overrideMaxDays, recommended);
  return { defaultDays: maxDays, maxDays, overrideMaxDays };
}

export type LifetimeResolution = { ok: true; days: number } | { ok: false; message: string };

/** The new token's lifetime in days, or why the request is refused (shown to the admin as a 400). */
export function resolveRotationLifetime(request: { days?: number; override?: boolean }, policyMaxDays: number | null): LifetimeResolution {
  const limits = rotationLifetimeLimits(policyMaxDays);
  const days = request.days ?? limits.defaultDays;
  if (!Number.isInteger(days) || days < 1) return { ok: false, message: 'The new lifetime must be a whole number of days, at least 1.' };
  if (days > limits.overrideMaxDays) {
    const source = policyMaxDays === null ? 'the Databricks limit' : 'the workspace maximum';
    return { ok: false, message: `The new lifetime of ${days} days is above ${source} of ${limits.overrideMaxDays} days.` };
  }
  if (days > limits.maxDays && !request.override) {
    return {
      ok: false,
      message: `The new lifetime of ${days} days is above ${limits.maxDays} days. Choose ${limits.maxDays} or less, or override explicitly (up to ${limits.overrideMaxDays}).`,
    };
  }
  return { ok: true, days };
}

const ROTATION_ID = /^[A-Za-z0-9-]{8,64}$/;
/** Keeps the comment readable in the Databricks UI; the marker itself is never cut. */
const MAX_COMMENT_BODY = 200;

export function rotationMarker(rotationId: string): string {
  if (!ROTATION_ID.test(rotationId)) throw new Error('rotation id must be 8–64 letters, digits or dashes');
  return `[bw-rot:${rotationId}]`;
}

/** The new token's comment: the old comment without earlier markers, then this rotation's marker. */
export function rotationComment(previous: string, rotationId: string): string {
  const body = previous.replace(MARKER, '').trim().slice(0, MAX_COMMENT_BODY).trim();
  return body ? `${body} ${rotationMarker(rotationId)}` : rotationMarker(rotationId);
}

/** The token created by this rotation, found by its marker (a rotation sends at most one create, so at most one). */
export function findRotatedToken<T extends { tokenId: string; comment?: string | null }>(
  tokens: readonly T[],
  rotationId: string,
): T | null {
  const marker = rotationMarker(rotationId);
  return tokens.find((t) => t.comment?.endsWith(marker)) ?? null;
}

/** How the action log names the token a rotation is about: its comment and its owner, as people know them. */
export function rotationLabel(entry: { newComment: string; ownerName: string | null }): { comment: string; owner: string | null } {
  return { comment: commentWithoutMarker(entry.newComment), owner: entry.ownerName };
}
