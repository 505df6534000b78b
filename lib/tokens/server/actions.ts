// Revoking tokens (one or many) and setting the token lifetime policy, each attempt and outcome in the action log.
import 'server-only';
import { DomainError, isDomainError } from '@/lib/errors';
import { getDb } from '@/lib/store/db';
import { findOpenRotation } from '@/lib/store/rotation-journal';
import { WAITING_STATES } from '@/lib/tokens/rules/rotation-machine';
import { describePolicyChange, parseMaxLifetimeDays } from '@/lib/tokens/rules/policy';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { tokenTarget, type PolicyChange, type RevokeResult } from '@/lib/tokens/contract';
import { invalidateTokenReads } from './cache';
import { knownToken } from './list';
import { isForbidden, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { confirmRevoked, deleteToken, getTokenConf, revokeOwnToken, setMaxTokenLifetimeDays } from '@/lib/databricks/api/tokens';

/** Parallel revokes per bulk request: enough to be quick, few enough not to trip Databricks' rate limits. */
const CONCURRENCY = 4;

/** Whether a failed revoke left the token gone anyway; when even that cannot be checked, it counts as not gone. */
async function goneAfter(ctx: ActionContext, tokenId: string, e: unknown, own: boolean): Promise<boolean> {
  try {
    return await confirmRevoked(ctx.ws.rest, tokenId, e, own);
  } catch {
    // The revoke is then reported as failed with its own error; nothing is claimed about the token.
    return false;
  }
}

async function revokeOne(ctx: ActionContext, tokenId: string, bulk: number | undefined): Promise<RevokeResult> {
  // Named in the action log as the list showed it: once revoked, Databricks can no longer say what it was.
  const label = knownToken(ctx.ws, tokenId) ?? {};
  const open = await findOpenRotation(ctx.db ?? getDb(), tokenId);
  // A rotation in flight owns the token until it settles; one that waits (e.g. "old token still active") does not.
  if (open && !WAITING_STATES.has(open.state)) {
    const message = `${open.actor} is rotating this token right now; revoke it after the rotation finishes.`;
    await recordAction(ctx, 'tokens.revoke', tokenTarget(tokenId), 'failure', {
      ...label,
      refused: 'ROTATION_IN_PROGRESS',
      rotation: open.id,
      bulk,
    });
    return { tokenId, status: 'failed', message };
  }
  let own = false;
  try {
    let requestId: string | null;
    try {
      requestId = (await deleteToken(ctx.ws.rest, tokenId)).requestId;
    } catch (e) {
      // Without token-management rights an identity may still revoke its own tokens.
      if (!isForbidden(e)) throw e;
      own = true;
      requestId = (await revokeOwnToken(ctx.ws.rest, tokenId)).requestId;
    }
    await recordAction(ctx, 'tokens.revoke', tokenTarget(tokenId), 'success', { ...label, bulk }, requestId);
    return { tokenId, status: 'revoked', message: null };
  } catch (e) {
    const requestId = upstreamRequestId(e);
    if (await goneAfter(ctx, tokenId, e, own)) {
      await recordAction(ctx, 'tokens.revoke', tokenTarget(tokenId), 'success', { ...label, bulk, note: 'already gone' }, requestId);
      return { tokenId, status: 'already_gone', message: null };
    }
    await recordAction(ctx, 'tokens.revoke', tokenTarget(tokenId), 'failure', { ...label, bulk, error: upstreamReason(e) }, requestId);
    return {
      tokenId,
      status: 'failed',
      message: isForbidden(e) ? 'Revoking this token needs workspace admin rights.' : `Databricks refused: ${upstreamReason(e)}`,
    };
  }
}

/** Revokes each token; a failure of one never stops the others. Results are in the order given. */
export async function revokeTokens(ctx: ActionContext, tokenIds: readonly string[]): Promise<RevokeResult[]> {
  const unique = [...new Set(tokenIds)];
  const bulk = unique.length > 1 ? unique.length : undefined;
  const results = new Array<RevokeResult>(unique.length);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const i = next++;
      results[i] = await revokeOne(ctx, unique[i]!, bulk);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, unique.length) }, worker));
  } finally {
    invalidateTokenReads(ctx.ws.host, ['tokens']);
  }
  return results;
}

/** Sets workspace-conf `maxTokenLifetimeDays` (1–730). */
export async function setTokenPolicy(ctx: ActionContext, days: number): Promise<PolicyChange> {
  const target = 'workspace-conf:maxTokenLifetimeDays';
  let from: number | null = null;
  try {
    from = parseMaxLifetimeDays((await getTokenConf(ctx.ws.rest)).maxTokenLifetimeDays);
    const description = describePolicyChange(from, days);
    if (description === null)
      throw new DomainError('invalid', 'INVALID_LIFETIME', 'The maximum lifetime must be a whole number of days from 1 to 730.');
    const res = await setMaxTokenLifetimeDays(ctx.ws.rest, days);
    await recordAction(ctx, 'tokens.policy.set', target, 'success', { from, to: days }, res.requestId);
    return { from, to: days, description };
  } catch (e) {
    await recordAction(
      ctx,
      'tokens.policy.set',
      target,
      'failure',
      { from, to: days, error: isDomainError(e) ? e.message : upstreamReason(e) },
      upstreamRequestId(e),
    );
    throw e;
  } finally {
    invalidateTokenReads(ctx.ws.host, ['conf']);
  }
}
