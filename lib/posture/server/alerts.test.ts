import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppConfig } from '@/lib/config';
import { deliveriesFor } from '@/lib/store/webhook-deliveries';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import { alertNewFindings } from './alerts';

const item = (n: number) => ({ key: `token:${n}`, label: `token ${n}`, detail: 'no expiry', href: '/tokens' });
const found = [
  { checkId: 'token-lifetime', title: 'Tokens expire within 90 days', items: [1, 2, 3, 4, 5].map(item) },
  { checkId: 'pii-masking', title: 'Personal-data columns are masked', items: [{ ...item(9), label: 'crm.customers.email' }] },
];
const config = (webhookUrl: string | null) =>
  ({
    reports: { webhookUrl, cron: '0 6 * * 1', timeZone: 'UTC' },
    auth: { url: 'https://brickwatch.example.com' },
  }) as unknown as AppConfig;

describe.each(STORE_ENGINES.slice(0, 1))('alerts for new high-severity findings on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('posts the findings by name to the reports webhook, and records the delivery under the snapshot', async () => {
    const posted: string[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      posted.push(String(init.body));
      return new Response('ok', { status: 200 });
    }) as typeof fetch;
    await alertNewFindings(s.db, config('https://hooks.example.com/services/T0/B0/secret-part'), 'snap-1', found, { fetchImpl });
    const body = JSON.parse(posted[0]!) as { text: string };
    expect(body.text).toContain('Brickwatch: 6 new high-severity findings');
    expect(body.text).toContain('Tokens expire within 90 days: token 1, token 2, token 3 and 2 more');
    expect(body.text).toContain('Personal-data columns are masked: crm.customers.email');
    expect(body.text).toContain('https://brickwatch.example.com/');
    const [delivery] = await deliveriesFor(s.db, 'posture-alert:snap-1');
    expect(delivery).toMatchObject({ outcome: 'delivered' });
    expect(JSON.stringify(delivery)).not.toContain('secret-part');
  });

  it('sends nothing without a webhook or without new findings', () => {
    expect(alertNewFindings(s.db, config(null), 'snap-2', found)).toBeNull();
    expect(alertNewFindings(s.db, config('https://hooks.example.com/x'), 'snap-3', [])).toBeNull();
  });
});
