// The security baseline as a browser meets it: headers, a CSP nonce on every script, no inline script without one.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { type APIResponse } from '@playwright/test';
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

test.use({ storageState: authFile('admin') });

/** Each directive's exact source tokens, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

test('pages carry a per-request CSP nonce and the protective headers', async ({ page }) => {
  const first = await page.goto('/');
  const second = await page.request.get('/');
  const csp = first!.headers()['content-security-policy']!;
  // A production build: exactly these script sources, so no 'unsafe-inline' and no 'unsafe-eval' in any order.
  expect(directives(csp).get('script-src')).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{24}'$/), "'strict-dynamic'"]);
  expect(directives(csp).get('object-src')).toEqual(["'none'"]);
  expect(directives(csp).get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives(csp).get('base-uri')).toEqual(["'self'"]);
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

/** The route layer's error shape with a request id, uncached, with the headers every API response carries. */
async function expectApiError(res: APIResponse, status: number, code: string) {
  expect(res.status(), res.url()).toBe(status);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
  expect(body.error).toEqual({ code, message: expect.any(String), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  const headers = res.headers();
  expect(headers['x-request-id']).toBe(body.error.requestId);
  expect(headers['cache-control']).toBe('no-store');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
}

const BROKEN_PATHS: Array<['GET' | 'POST', string]> = [
  ['POST', '/api/tokens/%zz/revoke'],
  ['POST', '/api/tokens/%E0%A4%A/rotate'],
  ['POST', '/api/tokens/rotations/%C0%AE%C0%AE/retry'],
  ['GET', '/api/audit/events/%zz'],
];

test('a broken percent-encoding in an API path is a 400 in the JSON error shape, signed in or not', async ({
  request,
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const client of [request, anonymous]) {
    for (const [method, path] of BROKEN_PATHS) {
      const res = await client.fetch(path, { method, headers: { Origin: baseURL!, 'Content-Type': 'application/json' }, data: '{}' });
      await expectApiError(res, 400, 'INVALID_PATH');
    }
  }
  await anonymous.dispose();
});

test('an API address nothing serves is a JSON 404, not the HTML page', async ({ request }) => {
  for (const path of ['/api/nope', '/api/tokens/0123abcd', '/api/audit/events/x/y/z'])
    await expectApiError(await request.get(path), 404, 'NOT_FOUND');
});

/**
 * POSTs a body that never ends (64 KB chunks, no Content-Length) and resolves with the status as soon as the server
 * answers, or 0 if it has not answered within 10 s.
 */
function postEndless(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    const timer = setTimeout(() => (resolve(0), req.destroy()), 10_000);
    req.on('close', () => clearTimeout(timer));
    req.on('error', () => undefined);
    const pump = () => {
      while (!req.destroyed && req.write(chunk));
      if (!req.destroyed) req.once('drain', pump);
    };
    pump();
  });
}

test('an API answers while an endless body is still arriving: 401 before reading it, 413 once it passes the limit', async ({ baseURL }) => {
  const cookies = (JSON.parse(readFileSync(authFile('admin'), 'utf8')) as { cookies: Array<{ name: string; value: string }> }).cookies;
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const rotate = `${baseURL}/api/tokens/0123abcd/rotate`;
  expect(await postEndless(rotate, { Origin: baseURL! })).toBe(401);
  expect(await postEndless(rotate, { Origin: baseURL!, Cookie: cookie })).toBe(413);
});
