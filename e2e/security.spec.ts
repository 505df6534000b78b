// The security baseline as a browser meets it: headers, a CSP nonce on every script, no inline script without one.
import { expect, test } from '@playwright/test';
import { authFile } from './support/fixtures';

test.use({ storageState: authFile('admin') });

test('pages carry a per-request CSP nonce and the protective headers', async ({ page }) => {
  const first = await page.goto('/');
  const second = await page.request.get('/');
  const csp = first!.headers()['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline' 'nonce"); // scripts: nonce only
  expect(second.headers()['content-security-policy']).not.toBe(csp);
  const headers = first!.headers();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // Plain HTTP here: no HSTS (it is sent only over https).
  expect(headers['strict-transport-security']).toBeUndefined();

  // Every script in the server's HTML carries this response's nonce (scripts those load are trusted by 'strict-dynamic').
  const nonce = /'nonce-([^']+)'/.exec(second.headers()['content-security-policy']!)![1];
  const scriptTags = (await second.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(0);
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);
});

test('the browser reports no CSP violation while the app works', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'REST API' }).getByText('Connected')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('API responses are not cached and carry a request id', async ({ request }) => {
  const res = await request.get('/api/ready');
  expect(res.headers()['cache-control']).toBe('no-store');
  expect(res.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
