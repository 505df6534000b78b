// Request bodies of the token actions, shared by the route handlers (which enforce them) and the dialogs (which
// check them before sending), so a person sees the same message either way. In zod/mini because the dialogs ship it.
import * as z from 'zod/mini';
import { MAX_TOKEN_LIFETIME_LIMITS } from '@/lib/tokens/rules/policy';

/** Databricks token ids are 64 hex characters; accept any plain id so an odd workspace still works. */
export const tokenIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{1,128}$/, { error: 'is not a token id' }));
export const tokenIdParams = z.object({ id: tokenIdSchema });

/** Secret scope and key names: letters, digits, dash, underscore, period; at most 128 characters (API reference §2.3). */
const secretName = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .check(
      z.trim(),
      z.minLength(1, { error: `${what} is required` }),
      z.maxLength(128, { error: `${what} is at most 128 characters` }),
      z.regex(/^[A-Za-z0-9._-]+$/, { error: `${what} may only use letters, digits, dash, underscore and period` }),
    );

/** A whole number of days between min and max, with messages that name the field. */
const days = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number of days` })
    .check(
      z.refine(Number.isInteger, { error: `${field} must be a whole number of days` }),
      z.gte(min, { error: `${field} must be at least ${min}` }),
      z.lte(max, { error: `${field} must be at most ${max}` }),
    );

export const rotateBody = z.object({
  lifetimeDays: z.optional(days('lifetimeDays', 1, MAX_TOKEN_LIFETIME_LIMITS.max)),
  /** Allows a lifetime above 90 days (never above the workspace maximum). */
  override: z.optional(z.boolean()),
  delivery: z.discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('secret'), scope: secretName('scope'), key: secretName('key') }), z.object({ kind: z.literal('reveal') })],
    { error: 'delivery must be {"kind":"secret","scope":…,"key":…} or {"kind":"reveal"}' },
  ),
});
export type RotateBody = z.output<typeof rotateBody>;

/** Bulk revokes are capped so one request stays well within Databricks' rate limits and a person's attention. */
export const MAX_BULK_REVOKE = 500;

export const bulkRevokeBody = z
  .object({
    tokenIds: z
      .array(tokenIdSchema, { error: 'tokenIds must be a list of token ids' })
      .check(
        z.minLength(1, { error: 'choose at least one token' }),
        z.maxLength(MAX_BULK_REVOKE, { error: `revoke at most ${MAX_BULK_REVOKE} tokens at once` }),
      ),
    /** The number the admin typed to confirm; must equal the number of tokens. */
    confirmCount: z.number({ error: 'confirmCount must be the number of tokens, as typed to confirm' }).check(z.refine(Number.isInteger)),
  })
  .check(
    z.refine((b) => b.confirmCount === new Set(b.tokenIds).size, {
      error: 'confirmCount does not match the number of tokens selected',
      path: ['confirmCount'],
    }),
  );
export type BulkRevokeBody = z.output<typeof bulkRevokeBody>;

export const policyBody = z.object({
  maxTokenLifetimeDays: days('maxTokenLifetimeDays', MAX_TOKEN_LIFETIME_LIMITS.min, MAX_TOKEN_LIFETIME_LIMITS.max),
});
export type PolicyBody = z.output<typeof policyBody>;

export const rotationIdParams = z.object({ id: z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'is not a rotation id' })) });
