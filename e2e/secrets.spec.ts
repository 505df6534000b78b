// The secrets screens as an admin uses them: create a scope, put a secret, give a group READ and take it back, delete
// the secret — each checked in the simulator, not only on screen — and then search every response the browser got,
// the app server's log and the app's data directory for the value. The credentials-outside-scopes list shows the
// seeded plain credentials without their values.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { authFile, workspace } from './support/fixtures';

test.use({ storageState: authFile('admin') });

const ws = workspace();
const run = Date.now().toString(36);
const LOG = join(__dirname, '..', 'test-results', 'e2e-app-server.log');

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ws.host}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ws.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

const keysOf = async (scope: string) =>
  ((await api<{ secrets?: Array<{ key: string }> }>('GET', `/api/2.0/secrets/list?scope=${encodeURIComponent(scope)}`)).secrets ?? []).map(
    (s) => s.key,
  );
const aclOf = async (scope: string) =>
  (
    await api<{ items?: Array<{ principal: string; permission: string }> }>(
      'GET',
      `/api/2.0/secrets/acls/list?scope=${encodeURIComponent(scope)}`,
    )
  ).items ?? [];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every response body the page receives (documents, RSC payloads, API answers), for searching afterwards. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (res) => {
    void res.body().then(
      (b) => bodies.push(b.toString('utf8')),
      () => undefined, // redirects and aborted requests have no body
    );
  });
  return bodies;
}

test('creates a scope, puts a secret, grants READ to a group and removes it, deletes the secret; the value is nowhere', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const scope = `e2e-${run}`;
  const value = `e2e-Value-${run}-Zq7!`;
  const bodies = recordResponses(page);

  await page.goto('/secrets');
  await expect(page.getByRole('heading', { name: 'Secrets', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Secret scopes' }).getByRole('link', { name: 'prod-etl' })).toBeVisible();

  await page.getByRole('button', { name: 'Create scope…' }).click();
  const create = page.getByRole('dialog', { name: 'Create a secret scope' });
  await create.getByLabel('Scope name').fill(scope);
  await create.getByRole('button', { name: 'Create scope' }).click();
  await expect(page.getByRole('heading', { name: scope, level: 1 })).toBeVisible();
  expect(await keysOf(scope)).toEqual([]);

  await page.getByRole('button', { name: 'Put a secret…' }).click();
  const put = page.getByRole('dialog', { name: 'Put a secret' });
  await put.getByLabel('Key', { exact: true }).fill('db-password');
  const field = put.getByLabel('Secret value');
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(value);
  await put.getByRole('button', { name: 'Write secret' }).click();
  await expect(page.getByText(`Secret db-password written into ${scope}`)).toBeVisible();
  await expect(put).toBeHidden();
  await expect(page.getByRole('table', { name: `Secrets in ${scope}` }).getByText('db-password')).toBeVisible();
  expect(await keysOf(scope)).toEqual(['db-password']);
  // What Databricks holds is exactly what was typed (read back by the test through the simulator, never by Brickwatch).
  const stored = await api<{ value: string }>('GET', `/api/2.0/secrets/get?scope=${scope}&key=db-password`);
  expect(Buffer.from(stored.value, 'base64').toString('utf8')).toBe(value);

  // The dialog starts empty the next time: the value was not kept.
  await page.getByRole('button', { name: 'Replace the value of db-password' }).click();
  const replace = page.getByRole('dialog', { name: 'Replace secret value' });
  await expect(replace.getByLabel('Secret value')).toHaveValue('');
  await replace.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Give access…' }).click();
  const give = page.getByRole('dialog', { name: 'Give access' });
  await give.getByLabel('Who').fill('data-eng');
  await give
    .getByRole('button', { name: /^data-engineering/ })
    .first()
    .click();
  await give.getByLabel(/^READ/).check();
  await give.getByRole('button', { name: 'Give access' }).click();
  await expect(page.getByText('data-engineering now has READ')).toBeVisible();
  expect(await aclOf(scope)).toContainEqual({ principal: 'data-engineering', permission: 'READ' });

  await page.getByRole('button', { name: 'Remove data-engineering' }).click();
  await page.getByRole('dialog', { name: 'Remove access' }).getByRole('button', { name: 'Remove access' }).click();
  await expect(page.getByText(`data-engineering no longer has access to ${scope}`)).toBeVisible();
  expect((await aclOf(scope)).map((a) => a.principal)).not.toContain('data-engineering');

  await page.getByRole('button', { name: 'Delete db-password' }).click();
  await page.getByRole('dialog', { name: 'Delete secret' }).getByRole('button', { name: 'Delete secret' }).click();
  await expect(page.getByText('Secret db-password deleted')).toBeVisible();
  expect(await keysOf(scope)).toEqual([]);

  // Nothing Brickwatch sent the browser, logged or wrote holds the value.
  await page.reload();
  await expect(page.getByRole('heading', { name: scope, level: 1 })).toBeVisible();
  expect(bodies.length).toBeGreaterThan(5);
  expect(bodies.filter((b) => b.includes(value))).toEqual([]);
  expect(await page.content()).not.toContain(value);
  expect(readFileSync(LOG, 'utf8')).not.toContain(value);
  const dataDir = process.env.E2E_DATA_DIR!;
  for (const file of filesUnder(dataDir)) expect(readFileSync(file).includes(value), file).toBe(false);

  // Every step is in the action log (the value, as shown above, is not).
  await page.goto('/activity?action=secrets.');
  for (const target of [`secret-scope:${scope}`, `secret:${scope}/db-password`, `secret-acl:${scope}:data-engineering`])
    await expect(page.getByText(target).first()).toBeVisible();
  await api('POST', '/api/2.0/secrets/scopes/delete', { scope });
});

test('lists the seeded credentials outside scopes, masked, with the reference to use instead', async ({ page }) => {
  const clusters = (
    await api<{ clusters: Array<{ spark_env_vars?: Record<string, string>; spark_conf?: Record<string, string> }> }>(
      'GET',
      '/api/2.0/clusters/list',
    )
  ).clusters;
  const plain = clusters
    .flatMap((c) => [...Object.values(c.spark_env_vars ?? {}), ...Object.values(c.spark_conf ?? {})])
    .filter((v) => !v.startsWith('{{secrets/') && v.length > 8 && !v.startsWith('/'));
  expect(plain.length).toBeGreaterThan(2);

  const bodies = recordResponses(page);
  await page.goto('/secrets');
  const table = page.getByRole('table', { name: 'Credentials outside scopes' });
  const row = table.getByRole('row').filter({ hasText: 'claims-etl-shared' }).filter({ hasText: 'SNOWFLAKE_PASSWORD' });
  await expect(row).toBeVisible();
  await expect(row.getByLabel('Value hidden')).toHaveText('••••••••');
  await expect(row.getByText('{{secrets/claims-etl-shared/snowflake-password}}')).toBeVisible();
  await expect(
    table
      .getByRole('row')
      .filter({ hasText: /Task extract/ })
      .first(),
  ).toBeVisible();
  const content = await page.content();
  for (const v of plain) {
    expect(content).not.toContain(v);
    expect(bodies.some((b) => b.includes(v))).toBe(false);
  }
});

test('puts a plain credential into a new scope from its finding and gives the reference to paste', async ({ page }) => {
  const scope = `e2e-fix-${run}`;
  await page.goto('/secrets');
  const table = page.getByRole('table', { name: 'Credentials outside scopes' });
  await table.getByRole('button', { name: 'Put into a scope: SNOWFLAKE_PASSWORD of claims-etl-shared' }).click();
  const dialog = page.getByRole('dialog', { name: 'Put a secret' });
  await expect(dialog.getByLabel('Scope', { exact: true })).toHaveValue('claims-etl-shared');
  await expect(dialog.getByLabel('Key', { exact: true })).toHaveValue('snowflake-password');
  await dialog.getByLabel('Scope', { exact: true }).fill(scope);
  await expect(dialog.getByText(/There is no scope named/)).toBeVisible();
  await dialog.getByLabel('Secret value').fill(`fix-${run}`);
  await dialog.getByRole('button', { name: 'Create scope and write' }).click();
  await expect(dialog.getByText(`{{secrets/${scope}/snowflake-password}}`)).toBeVisible();
  await expect(dialog.getByLabel('Secret value')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(await keysOf(scope)).toEqual(['snowflake-password']);
  await api('POST', '/api/2.0/secrets/scopes/delete', { scope });
});

test('shows the findings of a seeded scope with their reasons', async ({ page }) => {
  await page.goto('/secrets/finance-reporting');
  await expect(page.getByRole('heading', { name: 'finance-reporting', level: 1 })).toBeVisible();
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByText(/still in the ACL/)).toBeVisible();
  await expect(findings.getByText(/not been updated for over a year/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Activity, last 30 days' }).getByText(/reads?,/)).toBeVisible();
});

test('the token rotation offers the scopes Databricks shows, and warns about a new or Key Vault name', async ({ page }) => {
  const comment = `e2e-rotate-scope-${run}`;
  const sps = await api<{ Resources: Array<{ applicationId: string; active?: boolean }> }>(
    'GET',
    '/api/2.0/preview/scim/v2/ServicePrincipals',
  );
  const sp = sps.Resources.find((s) => s.active !== false && s.applicationId !== ws.servicePrincipal.applicationId)!;
  const created = await api<{ token_info: { token_id: string } }>('POST', '/api/2.0/token-management/on-behalf-of/tokens', {
    application_id: sp.applicationId,
    lifetime_seconds: 20 * 86_400,
    comment,
  });
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tokens/rotations')), page.goto(`/tokens?q=${comment}`)]);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: `Rotate token ${created.token_info.token_id.slice(0, 8)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  const scope = dialog.getByLabel('Secret scope');
  await expect(dialog.locator('datalist option[value="prod-etl"]')).toHaveCount(1);
  await expect(dialog.locator('datalist option[value="akv-prod-keys"]')).toHaveCount(0);
  await scope.fill('prod-etl');
  await expect(dialog.getByText(/There is no scope named/)).toHaveCount(0);
  await scope.fill(`new-${run}@harborpine.com`);
  await expect(
    dialog.getByText(`There is no scope named “new-${run}@harborpine.com” that Databricks shows`, { exact: false }),
  ).toBeVisible();
  await scope.fill('akv-prod-keys');
  await expect(dialog.getByText(/backed by Azure Key Vault, which Databricks only reads/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await api('DELETE', `/api/2.0/token-management/tokens/${created.token_info.token_id}`);
});
