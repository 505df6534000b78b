// Service mode with a generic OIDC provider instead of the Databricks OAuth app: the person signs in at the identity
// provider (here the simulator's OIDC endpoints, with an id_token), and their role comes from the workspace's SCIM,
// looked up by email with the service principal.
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startApp, type AppServer } from './support/app-server';
import { personFor, workspace } from './support/fixtures';

let app: AppServer;

test.beforeAll(async () => {
  const ws = workspace();
  app = await startApp({
    workspace: ws,
    mode: 'service',
    logFile: join(__dirname, '..', 'test-results', 'e2e-oidc-app.log'),
    extraEnv: {
      BRICKWATCH_OAUTH_CLIENT_ID: '',
      BRICKWATCH_OAUTH_CLIENT_SECRET: '',
      BRICKWATCH_OIDC_ISSUER: `${ws.host}/oidc`,
      BRICKWATCH_OIDC_CLIENT_ID: ws.oauth.clientId,
      BRICKWATCH_OIDC_CLIENT_SECRET: ws.oauth.clientSecret,
      BRICKWATCH_OIDC_NAME: 'Company SSO',
    },
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test('signs in through the OIDC provider and takes the role from SCIM by email', async ({ page }) => {
  const manager = personFor('manager');
  await page.goto(`${app.url}/login`);
  await expect(page.getByRole('button', { name: 'Sign in with Databricks' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign in with Company SSO' }).click();
  await page.getByRole('button', { name: new RegExp(manager.displayName) }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'You' }).getByText('Manager', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'REST API' }).getByText('Connected')).toBeVisible();
});
