// The tokens screen as an admin uses it: rotate into a secret, rotate with the value shown once (visible once, gone
// after closing and after reload), revoke one, revoke several after typing the count, change the policy. Each test
// makes its own tokens through the simulator's API and checks the outcome there, not only on screen.
import { expect, test, type Page } from '@playwright/test';
import { authFile, workspace } from './support/fixtures';

test.use({ storageState: authFile('admin') });

const ws = workspace();
const run = Date.now().toString(36);

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

/** A token of an active service principal other than the one Brickwatch acts as: Brickwatch may rotate it on its behalf. */
async function servicePrincipalToken(comment: string): Promise<string> {
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
  return created.token_info.token_id;
}

async function tokenExists(tokenId: string): Promise<boolean> {
  const res = await fetch(`${ws.host}/api/2.0/token-management/tokens/${tokenId}`, {
    headers: { Authorization: `Bearer ${ws.adminToken}` },
  });
  return res.ok;
}

/**
 * Opens the page and waits until React is live: the rotation journal is only ever fetched by the browser, so its
 * answer means clicks now reach their handlers (a click on server-rendered HTML before hydration is lost).
 */
async function openTokens(page: Page, query = '') {
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tokens/rotations')), page.goto(`/tokens${query}`)]);
  await expect(page.getByRole('heading', { name: 'Tokens', level: 1 })).toBeVisible();
}

/** The token was just made outside Brickwatch, so ask for fresh reads (the list is cached per identity). */
async function showOnly(page: Page, comment: string) {
  await openTokens(page, `?q=${encodeURIComponent(comment)}`);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('table', { name: 'Personal access tokens' }).getByText(comment).first()).toBeVisible();
}

test('rotates a token into a secret: delivered there, never shown, old token revoked', async ({ page }) => {
  const comment = `e2e-secret-${run}`;
  const old = await servicePrincipalToken(comment);
  await api('POST', '/api/2.0/secrets/scopes/create', { scope: `e2e-${run}` });
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Rotate token ${old.slice(0, 8)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await dialog.getByLabel('Secret scope').fill(`e2e-${run}`);
  await dialog.getByLabel('Key').fill('etl_token');
  await dialog.getByRole('button', { name: 'Rotate token' }).click();
  await expect(dialog.getByText('Rotated: the new token was delivered and the old token is revoked.')).toBeVisible();
  await expect(dialog.getByTestId('new-token-value')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  expect(await tokenExists(old)).toBe(false);
  const secrets = await api<{ secrets?: Array<{ key: string }> }>('GET', `/api/2.0/secrets/list?scope=e2e-${run}`);
  expect(secrets.secrets?.map((s) => s.key)).toEqual(['etl_token']);
});

test('rotates with the value shown once: masked, revealed, not cached, gone after closing and after reload', async ({ page }) => {
  const comment = `e2e-reveal-${run}`;
  const old = await servicePrincipalToken(comment);
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Rotate token ${old.slice(0, 8)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await dialog.getByLabel('Show it to me once').check();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/tokens/${old}/rotate`)),
    dialog.getByRole('button', { name: 'Rotate token' }).click(),
  ]);
  expect(response.headers()['cache-control']).toContain('no-store');
  const shown = dialog.getByTestId('new-token-value');
  await expect(shown).toHaveText(/^dapi•+$/);
  await dialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(shown).toHaveText(/^dapi[0-9a-f]{32}$/);
  const value = (await shown.textContent())!;
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain(value);
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tokens/rotations')), page.reload()]);
  await expect(page.getByRole('table', { name: 'Personal access tokens' })).toBeVisible();
  expect(await page.content()).not.toContain(value);
  expect(await tokenExists(old)).toBe(false);
});

test('revokes one token after a confirmation', async ({ page }) => {
  const comment = `e2e-revoke-${run}`;
  const id = await servicePrincipalToken(comment);
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Revoke token ${id.slice(0, 8)}` }).click();
  await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText('Token revoked')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Personal access tokens' }).getByText(comment)).toHaveCount(0);
  expect(await tokenExists(id)).toBe(false);
});

test('revokes several tokens only after the count is typed', async ({ page }) => {
  const comment = `e2e-bulk-${run}`;
  const ids = [await servicePrincipalToken(comment), await servicePrincipalToken(comment)];
  await showOnly(page, comment);
  await page.getByRole('checkbox', { name: 'Select every token shown' }).check();
  await page.getByRole('button', { name: 'Revoke selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 2 tokens?' });
  const confirm = dialog.getByRole('button', { name: 'Revoke 2 tokens' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type 2 to confirm').fill('2');
  await confirm.click();
  await expect(page.getByText('2 tokens revoked')).toBeVisible();
  for (const id of ids) expect(await tokenExists(id)).toBe(false);
});

test('explains why another person’s token can only be revoked', async ({ page }) => {
  await openTokens(page, '?ownerType=user&expiry=never');
  await page
    .getByRole('button', { name: /^Rotate token / })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await expect(dialog.getByText(/Databricks does not let anyone create a token for another person/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Revoke instead…' })).toBeVisible();
});

test('changes the maximum token lifetime after showing the change', async ({ page }) => {
  const before = await api<{ maxTokenLifetimeDays?: string | null }>('GET', '/api/2.0/workspace-conf?keys=maxTokenLifetimeDays');
  await openTokens(page);
  await page.getByRole('button', { name: 'Change maximum…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Maximum token lifetime' });
  await dialog.getByLabel(/New maximum, in days/).fill('61');
  await expect(dialog.getByText(/→ 61 days\./)).toBeVisible();
  await dialog.getByRole('button', { name: 'Set maximum to 61 days' }).click();
  await expect(page.getByText('Maximum token lifetime set to 61 days')).toBeVisible();
  expect(
    (await api<{ maxTokenLifetimeDays: string }>('GET', '/api/2.0/workspace-conf?keys=maxTokenLifetimeDays')).maxTokenLifetimeDays,
  ).toBe('61');
  if (before.maxTokenLifetimeDays) await api('PATCH', '/api/2.0/workspace-conf', { maxTokenLifetimeDays: before.maxTokenLifetimeDays });
});

test('keeps the filters in the URL and applies them on the server', async ({ page }) => {
  await openTokens(page);
  await page.getByRole('button', { name: 'High', exact: true }).click();
  await expect(page).toHaveURL(/\/tokens\?risk=high$/);
  await page.getByLabel('Owner type').selectOption('service_principal');
  await expect(page).toHaveURL(/\/tokens\?risk=high&ownerType=service_principal$/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'High', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Owner type')).toHaveValue('service_principal');
  const rows = page.getByRole('table', { name: 'Personal access tokens' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('High');
});
