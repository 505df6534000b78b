// Delivering a rotated token into a secret scope (API reference §2), and checking afterwards whether a write whose
// answer was lost happened. Only these two calls are needed here; the value goes straight from the create response
// into the put body and nowhere else.
import 'server-only';
import { z } from 'zod';
import { isDatabricksError } from '@/lib/databricks/errors';
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
 * When the key was last written (epoch ms, Databricks' own clock), or null when it does not exist. Only metadata: the
 * value is never read. A rotation compares two of these readings, so no clock of ours is involved.
 */
export async function secretLastUpdated(rest: RestClient, target: SecretTarget): Promise<number | null> {
  const res = await rest.get('/api/2.0/secrets/list', secretList, { query: { scope: target.scope } });
  return res.secrets.find((s) => s.key === target.key)?.last_updated_timestamp ?? null;
}

// The action log's chain head is anchored in a secret of a dedicated scope: out of reach of anyone who only has the
// database, and every write is in Databricks' audit log. Text only, never a token.

/** A secret's value as text, or null when its scope or key does not exist (Databricks said so). Needs READ. */
export async function getSecretText(rest: RestClient, target: SecretTarget): Promise<string | null> {
  try {
    const res = await rest.get('/api/2.0/secrets/get', z.object({ value: z.string() }), {
      query: { scope: target.scope, key: target.key },
    });
    return Buffer.from(res.value, 'base64').toString('utf8');
  } catch (e) {
    if (isDatabricksError(e) && e.declaredCode === 'RESOURCE_DOES_NOT_EXIST') return null;
    throw e;
  }
}

/** Writes text into a secret, creating its scope first when Databricks says it does not exist (the creator manages it). */
export async function putSecretText(rest: RestClient, target: SecretTarget, text: string): Promise<void> {
  const put = () => rest.call('POST', '/api/2.0/secrets/put', emptyResponse, { body: { ...target, string_value: text }, idempotent: true });
  try {
    await put();
  } catch (e) {
    if (!isDatabricksError(e) || e.declaredCode !== 'RESOURCE_DOES_NOT_EXIST') throw e;
    try {
      await rest.call('POST', '/api/2.0/secrets/scopes/create', emptyResponse, { body: { scope: target.scope } });
    } catch (created) {
      // Another instance created it first.
      if (!isDatabricksError(created) || created.declaredCode !== 'RESOURCE_ALREADY_EXISTS') throw created;
    }
    await put();
  }
}
