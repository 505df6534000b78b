// Request bodies of the token actions, shared by the route handlers (which enforce them) and the dialogs (which
// check them before sending), so a person sees the same message either way.
import { z } from 'zod';
import { MAX_TOKEN_LIFETIME_LIMITS } from './token-policy';

/** Databricks token ids are 64 hex characters; accept any plain id so an odd workspace still works. */
export const tokenIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,128}$/, { error: 'is not a token id' });
export const tokenIdParams = z.object({ id: tokenIdSchema });

/** Secret scope and key names: letters, digits, dash, underscore, period; at most 128 characters (API reference §2.3). */
const secretName = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(128, { error: `${what} is at most 128 characters` })
    .regex(/^[A-Za-z0-9._-]+$/, { error: `${what} may only use letters, digits, dash, underscore and period` });

export const rotateBody = z.object({
  lifetimeDays: z
    .number({ error: 'lifetimeDays must be a number of days' })
    .int({ error: 'lifetimeDays must be a whole number of days' })
    .min(1, { error: 'lifetimeDays must be at least 1' })
    .max(MAX_TOKEN_LIFETIME_LIMITS.max, { error: `lifetimeDays must be at most ${MAX_TOKEN_LIFETIME_LIMITS.max}` })
    .optional(),
  /** Allows a lifetime above 90 days (never above the workspace maximum). */
  override: z.boolean().optional(),
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
      .min(1, { error: 'choose at least one token' })
      .max(MAX_BULK_REVOKE, { error: `revoke at most ${MAX_BULK_REVOKE} tokens at once` }),
    /** The number the admin typed to confirm; must equal the number of tokens. */
    confirmCount: z.number({ error: 'confirmCount must be the number of tokens, as typed to confirm' }).int(),
  })
  .refine((b) => b.confirmCount === new Set(b.tokenIds).size, {
    error: 'confirmCount does not match the number of tokens selected',
    path: ['confirmCount'],
  });
export type BulkRevokeBody = z.output<typeof bulkRevokeBody>;

export const policyBody = z.object({
  maxTokenLifetimeDays: z
    .number({ error: 'maxTokenLifetimeDays must be a number of days' })
    .int({ error: 'maxTokenLifetimeDays must be a whole number of days' })
    .min(MAX_TOKEN_LIFETIME_LIMITS.min, { error: `maxTokenLifetimeDays must be at least ${MAX_TOKEN_LIFETIME_LIMITS.min}` })
    .max(MAX_TOKEN_LIFETIME_LIMITS.max, { error: `maxTokenLifetimeDays must be at most ${MAX_TOKEN_LIFETIME_LIMITS.max}` }),
});
export type PolicyBody = z.output<typeof policyBody>;

export const rotationIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'is not a rotation id' }) });
