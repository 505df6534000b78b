// Posts a message to a webhook, retrying with exponential backoff (and the receiver's Retry-After) on network errors,
// timeouts, 408, 429 and 5xx; other answers are final. The outcome is recorded in the store under a subject
// ('report:<id>', later 'posture-alert:<id>'). The URL is a secret: it is never logged, stored or put in an error
// message — only its masked form.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { log as rootLog, type Logger } from '@/lib/log';
import type { Db } from '@/lib/store/engine';
import { recordDelivery, type DeliveryRow } from '@/lib/store/webhook-deliveries';
import { maskWebhookUrl } from './mask';
import type { WebhookMessage } from './message';

export interface DeliveryOptions {
  attempts?: number;
  /** First wait; doubled per attempt, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  log?: Logger;
  now?: () => number;
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number.parseInt(header, 10) * 1000;
}

/** What went wrong, without the URL: fetch's errors may name it. */
function describeError(e: unknown, url: string): string {
  if (e instanceof Error && e.name === 'TimeoutError') return 'no answer in time';
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const text = code ? `network error (${code})` : `network error (${e instanceof Error ? e.message : String(e)})`;
  return text.replaceAll(url, maskWebhookUrl(url));
}

export async function deliverWebhook(
  db: Db,
  subject: string,
  url: string,
  message: WebhookMessage,
  options: DeliveryOptions = {},
): Promise<DeliveryRow> {
  const {
    attempts = 4,
    baseDelayMs = 2_000,
    maxDelayMs = 60_000,
    timeoutMs = 10_000,
    fetchImpl = fetch,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    random = Math.random,
    log = rootLog,
    now = Date.now,
  } = options;
  const target = maskWebhookUrl(url);
  let status: number | null = null;
  let error: string | null = null;
  let tried = 0;
  for (let i = 0; i < attempts; i++) {
    tried = i + 1;
    let wait: number | null = null;
    try {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      status = res.status;
      await res.body?.cancel();
      if (res.ok) {
        error = null;
        break;
      }
      error = `the receiver answered HTTP ${res.status}`;
      if (!RETRYABLE(res.status)) break;
      wait = retryAfterMs(res.headers.get('retry-after'));
    } catch (e) {
      status = null;
      error = describeError(e, url);
    }
    if (i + 1 < attempts) {
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** i) * (0.5 + random() / 2);
      await sleep(Math.min(maxDelayMs, Math.max(wait ?? 0, backoff)));
    }
  }
  const row: DeliveryRow = {
    id: randomUUID(),
    subject,
    target,
    outcome: error === null ? 'delivered' : 'failed',
    attempts: tried,
    status,
    error,
    at: now(),
  };
  await recordDelivery(db, row);
  if (row.outcome === 'failed') log.warn('webhook.failed', { subject, target, attempts: tried, status, error });
  else log.info('webhook.delivered', { subject, target, attempts: tried });
  return row;
}
