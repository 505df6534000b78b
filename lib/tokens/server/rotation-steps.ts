// One upstream call per rotation step, each turned into the machine event it means. Classification matters:
// a 4xx is a definite "no" (nothing happened), while a timeout, a dropped connection or a 5xx may have happened
// upstream, so they report an unknown outcome that the machine reconciles instead of retrying.
import 'server-only';
import type { RotationEvent, RotationStep } from '@/lib/tokens/rules/rotation-machine';
import { findRotatedToken, type RotationActor } from '@/lib/tokens/rules/rotation-rules';
import type { JournalEntry } from '@/lib/store/rotation-journal';
import type { RestClient } from '@/lib/databricks/rest-client';
import { isDefiniteRefusal, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { putTokenSecret, secretWrittenSince } from '@/lib/databricks/api/secrets';
import {
  createOnBehalfOf,
  createOwnToken,
  deleteToken,
  listAllTokens,
  listOwnTokens,
  revokeOwnToken,
  type TokenValue,
  confirmRevoked,
} from '@/lib/databricks/api/tokens';

/** Databricks' clock and ours differ; a write counts as ours if its timestamp is at most this much before we sent it. */
export const CLOCK_SLACK_MS = 60_000;

export interface StepContext {
  rest: RestClient;
  entry: JournalEntry;
  actor: RotationActor;
  /** Only in the request that created the token; never persisted. */
  value: TokenValue | null;
}

export interface StepResult {
  event: RotationEvent;
  /** Databricks' request id of the call, for the action log. */
  upstreamRequestId: string | null;
  /** The new value, when this step created the token. */
  value?: TokenValue;
  /** Set when the step starts a secret write (the delivery check compares against it). */
  deliveryStartedAt?: number;
}

async function revoke(rest: RestClient, tokenId: string, ownToken: boolean) {
  try {
    // The acting identity may revoke its own tokens without token-management rights.
    const res = ownToken ? await revokeOwnToken(rest, tokenId) : await deleteToken(rest, tokenId);
    return { ok: true as const, requestId: res.requestId };
  } catch (e) {
    try {
      if (await confirmRevoked(rest, tokenId, e, ownToken)) return { ok: true as const, requestId: upstreamRequestId(e) };
    } catch (check) {
      return {
        ok: false as const,
        error: `${upstreamReason(e)}; checking whether it is gone failed too (${upstreamReason(check)})`,
        requestId: upstreamRequestId(e),
      };
    }
    return { ok: false as const, error: upstreamReason(e), requestId: upstreamRequestId(e) };
  }
}

export async function runStep(step: RotationStep, ctx: StepContext, now = Date.now()): Promise<StepResult> {
  const { rest, entry, actor } = ctx;
  const own = entry.method === 'own';
  switch (step) {
    case 'create': {
      const req = { lifetimeSeconds: entry.lifetimeDays * 86_400, comment: entry.newComment };
      try {
        const created = own
          ? await createOwnToken(rest, req)
          : await createOnBehalfOf(rest, { ...req, applicationId: entry.applicationId ?? '' });
        return { event: { type: 'created', tokenId: created.info.token_id }, upstreamRequestId: created.requestId, value: created.value };
      } catch (e) {
        const error = upstreamReason(e);
        return {
          event: isDefiniteRefusal(e) ? { type: 'create_failed', error } : { type: 'create_unknown', error },
          upstreamRequestId: upstreamRequestId(e),
        };
      }
    }
    case 'reconcile': {
      try {
        // Fresh reads, never the page cache: the answer decides whether a token must be cleaned up.
        const tokens = own ? await listOwnTokens(rest) : await listAllTokens(rest, { createdById: actor.id });
        const found = findRotatedToken(
          tokens.map((t) => ({ tokenId: t.token_id, comment: t.comment })),
          entry.id,
        );
        return { event: { type: 'reconciled', foundTokenId: found?.tokenId ?? null }, upstreamRequestId: null };
      } catch (e) {
        return { event: { type: 'reconcile_failed', error: upstreamReason(e) }, upstreamRequestId: upstreamRequestId(e) };
      }
    }
    case 'deliver': {
      if (!ctx.value) throw new Error('deliver without the new value: the machine should have been interrupted');
      if (entry.delivery === 'reveal') return { event: { type: 'delivered' }, upstreamRequestId: null };
      const target = { scope: entry.secretScope ?? '', key: entry.secretKey ?? '' };
      try {
        const res = await putTokenSecret(rest, target, ctx.value);
        return { event: { type: 'delivered' }, upstreamRequestId: res.requestId, deliveryStartedAt: now };
      } catch (e) {
        const error = upstreamReason(e);
        return {
          event: isDefiniteRefusal(e) ? { type: 'delivery_failed', error } : { type: 'delivery_unknown', error },
          upstreamRequestId: upstreamRequestId(e),
          deliveryStartedAt: now,
        };
      }
    }
    case 'check_delivery': {
      try {
        const since = (entry.deliveryStartedAt ?? entry.createdAt) - CLOCK_SLACK_MS;
        const written = await secretWrittenSince(rest, { scope: entry.secretScope ?? '', key: entry.secretKey ?? '' }, since);
        return { event: { type: 'delivery_checked', written }, upstreamRequestId: null };
      } catch (e) {
        return { event: { type: 'delivery_check_failed', error: upstreamReason(e) }, upstreamRequestId: upstreamRequestId(e) };
      }
    }
    case 'revoke_old': {
      const r = await revoke(rest, entry.tokenId, own);
      return { event: r.ok ? { type: 'old_revoked' } : { type: 'old_revoke_failed', error: r.error }, upstreamRequestId: r.requestId };
    }
    case 'revoke_new': {
      const r = await revoke(rest, entry.newTokenId ?? '', own);
      return { event: r.ok ? { type: 'new_revoked' } : { type: 'new_revoke_failed', error: r.error }, upstreamRequestId: r.requestId };
    }
  }
}
