// Delivering a rotated token into a secret scope (API reference §2), and checking afterwards whether a write whose
// answer was lost happened. Only these two calls are needed here; the value goes straight from the create response
// into the put body and nowhere else.
import 'server-only';
import { z } from 'zod';
import type { CallResult, RestClient } from '@/lib/databricks/rest-client';
import { emptyResponse, listOf } from '@/lib/databricks/schemas';
import type { TokenValue } from './tokens';

export interface SecretTarget {
  scope: string;
  key: string;
}

/** Databricks' naming rules for scopes and keys: letters, digits, dash, underscore, period; at most 128 characters. */
export const SECRET_NAME = /^[A-Za-z0-9._-]{1,128}$/;

/** Writes (or overwrites) the secret. Overwriting with the same value is harmless, so the client may retry it. */
export async function putTokenSecret(rest: RestClient, target: SecretTarget, value: TokenValue): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/put', emptyResponse, {
    body: { scope: target.scope, key: target.key, string_value: value.reveal() },
    idempotent: true,
  });
}

const secretList = z.object({
  secrets: listOf(z.object({ key: z.string(), last_updated_timestamp: z.union([z.number(), z.string()]).transform(Number).optional() })),
});

/**
 * Whether the key was written at or after `since` (epoch ms), judged by its metadata only: the value is never read
 * back. Databricks' timestamps come from its own clock, so `since` should carry a little slack for skew.
 */
export async function secretWrittenSince(rest: RestClient, target: SecretTarget, since: number): Promise<boolean> {
  const res = await rest.get('/api/2.0/secrets/list', secretList, { query: { scope: target.scope } });
  const entry = res.secrets.find((s) => s.key === target.key);
  return entry?.last_updated_timestamp !== undefined && entry.last_updated_timestamp >= since;
}
