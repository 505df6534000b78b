// User identity mode with short-lived OAuth tokens: once the person's access token has expired upstream, the next
// page load refreshes it (refresh_token grant) and the page works as if nothing happened.
import { join } from 'node:path';
import { expect, test } from './support/test';
import { startTestSimulator, type TestSimulator } from '../testing/simulator';
import { startApp, type AppServer } from '../testing/app-server';
import { personFor } from './support/fixtures';

const TTL_S = 4;
let sim: TestSimulator;
let app: AppServer;

test.beforeAll(async () => {
  sim = await startTestSimulator({ oauthTokenTtlSeconds: TTL_S });
  app = await startApp({ workspace: sim.workspace, mode: 'user', logFile: join(__dirname, '..', 'test-results', 'e2e-user-mode-app.log') });
});
test.afterAll(async () => {
  await app?.stop();
  await sim?.stop();
});

interface Logged {
  method: string;
  path: string;
  status: number;
}

test('an expired upstream token is refreshed without a visible error', async ({ page }) => {
  const person = personFor('analyst', sim.workspace);
  await page.goto(`${app.url}/`);
  await page.getByRole('button', { name: 'Sign in with Databricks' }).click();
  await page.getByRole('button', { name: new RegExp(person.displayName) }).click();
  await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
  // User mode: Databricks sees the person, not a service principal.
  await expect(page.getByRole('region', { name: 'REST API' }).getByText(person.userName)).toBeVisible();

  await sim.control('DELETE', '/requests');
  // Reload until a refresh_token grant has happened (the token lives TTL_S seconds); every load must stay clean.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
    for (const card of ['REST API', 'SQL warehouse']) {
      const region = page.getByRole('region', { name: card });
      await expect(region.getByText('Connected')).toBeVisible();
      await expect(region.getByText(/Not collected|expired/i)).toHaveCount(0);
    }
    // The posture above may rightly say "not collected" or "expired" about the workspace; never about the session.
    await expect(page.getByText(/Sign in again/i)).toHaveCount(0);
    const { requests } = await sim.control<{ requests: Logged[] }>('GET', '/requests?path_prefix=/oidc/v1/token');
    expect(requests.filter((r) => r.method === 'POST' && r.status === 200).length).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });
  await expect(page).toHaveURL(`${app.url}/`);
});
