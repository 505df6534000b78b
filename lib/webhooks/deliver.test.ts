import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/log';
import { sqliteEngine, type TestStore } from '@/testing/store-engines';
import { deliveriesFor } from '@/lib/store/webhook-deliveries';
import { deliverWebhook } from './deliver';
import { maskWebhookUrl } from './mask';
import { webhookMessage } from './message';

const URL_ = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX';
const message = webhookMessage({
  title: 'Weekly report, 2026-W48',
  lines: ['3 failed sign-ins <script>'],
  link: { url: 'http://localhost:3000/reports?id=r1', label: 'Open the report' },
});

function fakeFetch(answers: Array<number | Error>, retryAfter?: string) {
  const calls: RequestInit[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    calls.push(init);
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return new Response(null, { status: next, headers: retryAfter ? { 'retry-after': retryAfter } : {} });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('webhook delivery', () => {
  let s: TestStore;
  const lines: string[] = [];
  const log = createLogger({}, (l) => lines.push(l), 'debug');
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(async () => {
    s = await sqliteEngine.open();
    lines.length = 0;
    waits.length = 0;
  });
  afterEach(async () => s.cleanup());

  it('retries 5xx and network errors with growing waits, then records the delivery', async () => {
    const cause = Object.assign(new Error(`connect ECONNREFUSED ${URL_}`), { code: 'ECONNREFUSED' });
    const f = fakeFetch([503, new TypeError('fetch failed', { cause }), 200]);
    const row = await deliverWebhook(s.db, 'report:r1', URL_, message, {
      fetchImpl: f.impl,
      sleep,
      random: () => 1,
      log,
      baseDelayMs: 1000,
    });
    expect(row).toMatchObject({ outcome: 'delivered', attempts: 3, status: 200, error: null, target: 'https://hooks.slack.com/…' });
    expect(waits).toEqual([1000, 2000]);
    expect(JSON.parse(String(f.calls[0]!.body))).toEqual(message);
    expect((await deliveriesFor(s.db, 'report:r1'))[0]).toMatchObject({ outcome: 'delivered', attempts: 3 });
  });

  it('honours Retry-After on 429 and gives up after the last attempt, recording why', async () => {
    const f = fakeFetch([429, 429, 429], '7');
    const row = await deliverWebhook(s.db, 'report:r2', URL_, message, {
      fetchImpl: f.impl,
      sleep,
      random: () => 0,
      log,
      attempts: 3,
      baseDelayMs: 500,
    });
    expect(row).toMatchObject({ outcome: 'failed', attempts: 3, status: 429, error: 'the receiver answered HTTP 429' });
    expect(waits).toEqual([7000, 7000]);
  });

  it('does not retry an answer that will not change (404: the webhook was deleted)', async () => {
    const f = fakeFetch([404]);
    const row = await deliverWebhook(s.db, 'report:r3', URL_, message, { fetchImpl: f.impl, sleep, log });
    expect(row).toMatchObject({ outcome: 'failed', attempts: 1, status: 404 });
  });

  it('never writes the URL to the log or the store', async () => {
    const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${URL_}`), { code: 'ENOTFOUND' });
    const f = fakeFetch([new TypeError(`request to ${URL_} failed`, { cause }), new TypeError(`request to ${URL_} failed`)]);
    await deliverWebhook(s.db, 'report:r4', URL_, message, { fetchImpl: f.impl, sleep, log, attempts: 2 });
    const stored = JSON.stringify(await deliveriesFor(s.db, 'report:r4'));
    for (const text of [lines.join('\n'), stored]) {
      expect(text).not.toContain('XXXXXXXX');
      expect(text).not.toContain('/services/');
    }
    expect(maskWebhookUrl(URL_)).toBe('https://hooks.slack.com/…');
  });

  it('sends Slack-compatible JSON with the sentences escaped and a link', () => {
    expect(message.text).toContain('3 failed sign-ins &lt;script&gt;');
    expect(message.text).toContain('<http://localhost:3000/reports?id=r1|Open the report>');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Weekly report, 2026-W48', emoji: false } });
  });
});
