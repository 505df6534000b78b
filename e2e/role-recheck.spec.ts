// A role the workspace cannot confirm for too long is not trusted: with SCIM failing, a session whose role was last
// confirmed over 30 minutes ago gets a page that says why (and 403 from the APIs), and the dashboard comes back by
// itself once SCIM answers again. The session cookie is made here, so nothing has to wait half an hour.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { encode } from 'next-auth/jwt';
import { startApp, type AppServer } from '../testing/app-server';
import { personFor, simControl, workspace } from './support/fixtures';

const SECRET = randomBytes(32).toString('base64');
let app: AppServer;

test.beforeAll(async () => {
  app = await startApp({
    workspace: workspace(),
    mode: 'service',
    logFile: join(__dirname, '..', 'test-results', 'e2e-role-recheck-app.log'),
    extraEnv: { NEXTAUTH_SECRET: SECRET },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test('drops an admin role SCIM has not confirmed for 31 minutes, says why, and recovers by itself', async ({ page, context }) => {
  const ws = workspace();
  const admin = personFor('admin');
  const confirmedAt = Math.floor(Date.now() / 1000) - 31 * 60;
  const token = {
    sid: randomUUID(),
    rev: 0,
    userName: admin.userName,
    displayName: admin.displayName,
    role: 'admin',
    provider: 'databricks',
    roleCheckedAt: confirmedAt,
  };
  await context.addCookies([{ name: 'next-auth.session-token', value: await encode({ token, secret: SECRET }), url: app.url }]);

  const { rules } = await simControl<{ rules: Array<{ id: string }> }>(ws, 'POST', '/faults', {
    spec: 'GET /api/2.0/preview/scim/v2/Users -> 500',
  });
  try {
    await page.goto(`${app.url}/`);
    await expect(page.getByRole('heading', { name: 'Your Brickwatch role could not be confirmed' })).toBeVisible();
    await expect(page.getByText('has not answered for 31 minutes')).toBeVisible();
    const api = await page.request.get(`${app.url}/api/activity`);
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('ROLE_UNVERIFIED');
  } finally {
    await simControl(ws, 'DELETE', `/faults/${rules[0]!.id}`);
  }
  // No reload: the page asks again on its own, and the next re-check (due 10 s after the failed one) succeeds.
  await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible({ timeout: 45_000 });
  expect((await page.request.get(`${app.url}/api/activity`)).status()).toBe(200);
});
