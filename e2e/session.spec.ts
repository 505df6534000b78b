// Scriptable sign-in, what the browser can see of a session, and sign-out really ending it (a copied cookie is dead).
import { expect, test } from './support/test';
import { personFor } from './support/fixtures';
import { signInByApi } from './support/sign-in';

test('scriptable sign-in with login_hint completes without a page', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, ignoreHTTPSErrors: true });
  await signInByApi(request, personFor('analyst').userName);
  expect((await request.get('/api/activity')).status()).toBe(200);
  await request.dispose();
});

test('the browser sees a name and a role, never a token', async ({ page, context }) => {
  await signInByApi(context.request, personFor('admin').userName);
  const session = await (await context.request.get('/api/auth/session')).text();
  expect(JSON.parse(session)).toEqual({
    expires: expect.any(String),
    user: { name: personFor('admin').displayName, email: personFor('admin').userName, role: 'admin' },
  });
  expect(session).not.toMatch(/token|eyJ|dapi|doa/i);
  for (const cookie of await context.cookies()) {
    if (cookie.name.includes('session-token') || cookie.name.includes('csrf')) expect(cookie.httpOnly, cookie.name).toBe(true);
  }
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
  const html = await page.content();
  expect(html).not.toMatch(/"accessToken"|"refreshToken"|dapi[0-9a-f]{8}/);
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');
});

test('signing out ends the session, even for a copy of its cookie', async ({ page, context, playwright, baseURL }) => {
  await signInByApi(context.request, personFor('analyst').userName);
  const copied = await context.storageState();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You are signed out.')).toBeVisible();
  await page.goto('/activity');
  await expect(page).toHaveURL(/\/login/);

  const replay = await playwright.request.newContext({ baseURL, storageState: copied });
  expect((await replay.get('/api/activity')).status()).toBe(401);
  // next-auth's own session endpoint refuses it too: no name, e-mail or role, and the cookie is cleared, not renewed.
  const session = await replay.get('/api/auth/session');
  expect(session.status()).toBe(200);
  expect(await session.json()).toEqual({});
  const written = session.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && /session-token/.test(h.value));
  expect(written.length).toBeGreaterThan(0);
  for (const cookie of written) expect(cookie.value).toMatch(/^[^=]*session-token[^=]*=;/);
  await replay.dispose();
});
