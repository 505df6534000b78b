// The overview area's contract: which upstream a health check asks, and what it answers. zod/mini: it ships.
import * as z from 'zod/mini';

export const HEALTH_TARGETS = ['rest', 'sql'] as const;
export type HealthTarget = (typeof HEALTH_TARGETS)[number];
export const healthQuerySchema = z.object({ target: z.enum(HEALTH_TARGETS, { error: 'must be "rest" or "sql"' }) });

/** A check never fails as a request: an unreachable upstream is a result with the reason a person needs to fix it. */
/** `checkedAt` (epoch ms) is the server's clock: the card shows it as it is, so server and browser render the same text. */
export const healthSchema = z.union([
  z.object({ ok: z.literal(true), checkedAt: z.number(), latencyMs: z.number(), identity: z.string(), detail: z.optional(z.string()) }),
  z.object({ ok: z.literal(false), checkedAt: z.number(), latencyMs: z.number(), error: z.string(), errorCode: z.string() }),
]);
export type Health = z.output<typeof healthSchema>;
