// One upstream call per rotation step, each turned into the machine event it means. Classification matters:
// a 4xx is a definite "no" (nothing happened), while a timeout, a dropped connection or a 5xx may have happened
// upstream, so they report an unknown outcome that the machine reconciles instead of retrying.
import 'server-only';
import type { RotationEvent, RotationStep } from '@/lib/tokens/rules/rotation-machine';
import { findRotatedToken } from '@/lib/tokens/rules/rotation-rules';
import type { JournalEntry } from '@/lib/store/rotation-journal';
import type { RestClient } from '@/lib/databricks/rest-client';
import { isDefiniteRefusal, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { putTokenSecret, secretLastUpdated } from '@/lib/databricks/api/secrets';
import {
  confirmRevoked,
  createOnBehalfOf,
  createOwnToken,
  deleteToken,
  listAllTokens,
  listOwnTokens,
  revokeOwnToken,
  type TokenValue,
} from '@/lib/databricks/api/tokens';

export interface StepContext {
  rest: RestClient;
  entry: JournalEntry;
  /**
   * The identity acting now is the one the rotation acts as: it may use the own-token endpoints (create, list and
   * revoke its own tokens). Otherwise (another admin, the background worker) token management is used.
   */
  sameIdentity: boolean;
  /** Only in the request that created the token; never persisted. */
  value: TokenValue | null;
  /** The settle window after a create or write of unknown outcome has passed. */
  settled: boolean;
}

export interface StepResult {
  event: RotationEvent;
  /** Databricks' request id of the call, for the action log. */
  upstreamRequestId: string | null;
  /** The new value, when this step created the token. */
  value?: TokenValue;
  /** The secret's last update before our write (the deliver step reads it, so the check needs no clock). */
  deliveryBaseline?: number | null;
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

export async function runStep(step: RotationStep, ctx: StepContext): Promise<StepResult> {
  const { rest, entry, settled } = ctx;
  const own = entry.method === 'own' && ctx.sameIdentity;
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
        // Fresh reads, never the page cache: the answer decides whether a token must be cleaned up. The marker in
        // the comment is what finds it, whoever lists.
        const tokens = own ? await listOwnTokens(rest) : await listAllTokens(rest);
        const found = findRotatedToken(
          tokens.map((t) => ({ tokenId: t.token_id, comment: t.comment })),
          entry.id,
        );
        return { event: { type: 'reconciled', foundTokenId: found?.tokenId ?? null, settled }, upstreamRequestId: null };
      } catch (e) {
        return { event: { type: 'reconcile_failed', error: upstreamReason(e), settled }, upstreamRequestId: upstreamRequestId(e) };
      }
    }
    case 'deliver': {
      // Records how the value is handed over before it is: the journal then says "a write may land".
      if (entry.delivery === 'reveal') return { event: { type: 'revealed' }, upstreamRequestId: null };
      try {
        const baseline = await secretLastUpdated(rest, { scope: entry.secretScope ?? '', key: entry.secretKey ?? '' });
        return { event: { type: 'delivery_started' }, upstreamRequestId: null, deliveryBaseline: baseline };
      } catch (e) {
        // Nothing was written: the new token is undone, the old one kept.
        return { event: { type: 'delivery_failed', error: upstreamReason(e) }, upstreamRequestId: upstreamRequestId(e) };
      }
    }
    case 'write_secret': {
      if (!ctx.value) throw new Error('write_secret without the new value: the machine should have been interrupted');
      try {
        const res = await putTokenSecret(rest, { scope: entry.secretScope ?? '', key: entry.secretKey ?? '' }, ctx.value);
        return { event: { type: 'delivered' }, upstreamRequestId: res.requestId };
      } catch (e) {
        const error = upstreamReason(e);
        return {
          event: isDefiniteRefusal(e) ? { type: 'delivery_failed', error } : { type: 'delivery_unknown', error },
          upstreamRequestId: upstreamRequestId(e),
        };
      }
    }
    case 'check_delivery': {
      try {
        // Landed iff the key changed since the reading taken just before our write (both readings are Databricks').
        const now = await secretLastUpdated(rest, { scope: entry.secretScope ?? '', key: entry.secretKey ?? '' });
        const written = now !== null && now !== entry.deliveryBaseline;
        return { event: { type: 'delivery_checked', written, settled }, upstreamRequestId: null };
      } catch (e) {
        return { event: { type: 'delivery_check_failed', error: upstreamReason(e), settled }, upstreamRequestId: upstreamRequestId(e) };
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
