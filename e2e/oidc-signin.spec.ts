// Service mode with a generic OIDC provider instead of the Databricks OAuth app: the person signs in at the identity
// provider (here the simulator's OIDC endpoints, with an id_token), and their role comes from the workspace's SCIM,
// looked up by a verified e-mail address with the service principal, or by an immutable id claim when configured.
import { join } from 'node:path';
import { expect, test } from './support/test';
import { startApp, type AppServer } from '../testing/app-server';
import { personFor, workspace } from './support/fixtures';

function oidcApp(name: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const ws = workspace();
  return startApp({
    workspace: ws,
    mode: 'service',
    logFile: join(__dirname, '..', 'test-results', `e2e-oidc-${name}.log`),
    extraEnv: {
      BRICKWATCH_OAUTH_CLIENT_ID: '',
      BRICKWATCH_OAUTH_CLIENT_SECRET: '',
      BRICKWATCH_OIDC_ISSUER: `${ws.host}/oidc`,
      BRICKWATCH_OIDC_CLIENT_ID: ws.oauth.clientId,
      BRICKWATCH_OIDC_CLIENT_SECRET: ws.oauth.clientSecret,
      BRICKWATCH_OIDC_NAME: 'Company SSO',
      ...extraEnv,
    },
  });
}

test.describe('matched by a verified e-mail address', () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await oidcApp('email');
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('signs in through the OIDC provider and takes the role from SCIM', async ({ page }) => {
    const manager = personFor('manager');
    await page.goto(`${app.url}/login`);
    await expect(page.getByRole('button', { name: 'Sign in with Databricks' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign in with Company SSO' }).click();
    await page.getByRole('button', { name: new RegExp(manager.displayName) }).click();
    await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'You' }).getByText('Manager', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'REST API' }).getByText('Connected')).toBeVisible();
  });
});

test.describe('matched by an id claim the token does not carry', () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await oidcApp('id-claim', { BRICKWATCH_OIDC_ID_CLAIM: 'oid' });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('refuses the sign-in with a page that says why, and makes no session', async ({ page }) => {
    const admin = personFor('admin');
    await page.goto(`${app.url}/login`);
    await page.getByRole('button', { name: 'Sign in with Company SSO' }).click();
    await page.getByRole('button', { name: new RegExp(admin.displayName) }).click();
    await expect(page).toHaveURL(/\/login\?error=NoIdClaim$/);
    await expect(page.getByRole('alert').filter({ hasText: 'Your sign-in could not be tied to a workspace user' })).toHaveText(
      /^Your sign-in could not be tied to a workspace user: the identity provider did not send the directory id /,
    );
    expect(await (await page.request.get(`${app.url}/api/auth/session`)).json()).toEqual({});
    await page.goto(`${app.url}/`);
    await expect(page).toHaveURL(/\/login/);
  });
});
