// The tokens screen as an admin uses it: rotate into a secret, rotate with the value shown once (visible once, gone
// after closing and after reload), revoke one, revoke several after typing the count, change the policy. Each test
// makes its own tokens through the simulator's API and checks the outcome there, not only on screen.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectAccessible } from './support/a11y';
import { authFile, personFor, workspace } from './support/fixtures';

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

test('a value shown once stays until confirmed: Esc and a click outside ask first, and only the confirmation revokes the old token', async ({
  page,
}) => {
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
  // What happens without a confirmation, and by when, is said before anything is closed.
  await expect(dialog.getByText(/Without a confirmation until \d\d:\d\d UTC, the new token is revoked and the old one kept/)).toBeVisible();
  await expectAccessible(page, 'the rotate dialog with a value shown once');

  const question = dialog.getByRole('group', { name: 'Close without confirming?' });
  for (const dismiss of [
    () => page.keyboard.press('Escape'),
    // Chromium closes a modal on a second Esc in a row without asking the page; the dialog must come back and ask.
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    },
    () => page.mouse.click(5, 5),
    () => dialog.getByRole('button', { name: 'Close', exact: true }).click(),
  ]) {
    await dismiss();
    await expect(dialog).toBeVisible();
    await expect(question).toBeVisible();
    await expect(question.getByText(/revokes the new token and keeps the old one/)).toBeVisible();
    await expect(shown).toHaveText(value);
    await question.getByRole('button', { name: 'Keep it open' }).click();
    await expect(question).toBeHidden();
  }
  expect(await tokenExists(old), 'the old token stays until the admin confirms').toBe(true);

  await dialog.getByRole('button', { name: 'I have stored it: revoke the old token' }).click();
  await expect(dialog.getByText('Rotated: the new token was delivered and the old token is revoked.')).toBeVisible();
  await expect(shown).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await page.content()).not.toContain(value);
  expect(await tokenExists(old)).toBe(false);
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tokens/rotations')), page.reload()]);
  await expect(page.getByRole('table', { name: 'Personal access tokens' })).toBeVisible();
  expect(await page.content()).not.toContain(value);
});

test('closing without confirming keeps both tokens, and Rotations offers the confirmation or the discard', async ({ page }) => {
  const comment = `e2e-unconfirmed-${run}`;
  const old = await servicePrincipalToken(comment);
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Rotate token ${old.slice(0, 8)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await dialog.getByLabel('Show it to me once').check();
  await dialog.getByRole('button', { name: 'Rotate token' }).click();
  await expect(dialog.getByTestId('new-token-value')).toBeVisible();
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'Close without confirming' }).click();
  await expect(dialog).toBeHidden();
  expect(await tokenExists(old)).toBe(true);

  const rotations = page.getByRole('region', { name: 'Rotations' });
  await expect(rotations.getByText('1 needs attention')).toBeVisible();
  await expect(rotations.getByRole('button', { name: 'I have stored it: revoke the old token' })).toBeVisible();
  await rotations.getByRole('button', { name: 'Discard the new token' }).click();
  await expect(rotations.getByText('Nothing needs attention.')).toBeVisible();
  expect(await tokenExists(old), 'discarding keeps the old token').toBe(true);
});

test('the rotate form says what is wrong beside each field, in words, until it is right', async ({ page }) => {
  const comment = `e2e-form-${run}`;
  const old = await servicePrincipalToken(comment);
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Rotate token ${old.slice(0, 8)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await dialog.getByLabel('Lifetime of the new token (days)').fill('0');
  await dialog.getByRole('button', { name: 'Rotate token' }).click();
  await expect(dialog.getByText('Lifetime must be at least 1 day')).toBeVisible();
  await expect(dialog.getByText('Secret scope is required')).toBeVisible();
  await expect(dialog.getByLabel('Secret scope')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Secret scope').fill('ci');
  await expect(dialog.getByText('Secret scope is required')).toHaveCount(0);
  await dialog.getByLabel('Lifetime of the new token (days)').fill('30');
  await expect(dialog.getByText(/^Lifetime must/)).toHaveCount(0);
  await expect(dialog.getByText('Key is required')).toBeVisible();
  await expect(dialog.getByText(/lifetimeDays|delivery\./)).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await tokenExists(old)).toBe(true);
});

test('revokes one token after a confirmation', async ({ page }) => {
  const comment = `e2e-revoke-${run}`;
  const id = await servicePrincipalToken(comment);
  await showOnly(page, comment);
  await page.getByRole('button', { name: `Revoke token ${id.slice(0, 8)}` }).click();
  await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText(new RegExp(`^Revoked ${comment} \\(.+\\)$`))).toBeVisible();
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
  // The dialog says which tokens: comment, owner and the start of each id.
  const listed = dialog.getByRole('list', { name: 'Tokens to revoke' });
  await expect(listed.getByRole('listitem')).toHaveCount(2);
  for (const id of ids) await expect(listed.getByText(`${id.slice(0, 12)}…`)).toBeVisible();
  await expect(listed.getByText(comment)).toHaveCount(2);
  const confirm = dialog.getByRole('button', { name: 'Revoke 2 tokens' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type 2 to confirm').fill('2');
  await confirm.click();
  await expect(page.getByText(new RegExp(`^Revoked 2 tokens: ${comment} \\(.+\\) and ${comment} \\(.+\\)$`))).toBeVisible();
  for (const id of ids) expect(await tokenExists(id)).toBe(false);
});

test('explains why another person’s token can only be revoked', async ({ page }) => {
  await openTokens(page, '?ownerType=user&expiry=never');
  await page
    .getByRole('table', { name: 'Personal access tokens' })
    .getByRole('row')
    .filter({ hasNotText: personFor('admin').displayName })
    .getByRole('button', { name: /^Rotate token / })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await expect(dialog.getByText(/Databricks does not let anyone create a token for another person/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Revoke instead…' })).toBeVisible();
});

test('explains why one’s own token cannot be rotated while Brickwatch acts as a service principal', async ({ page }) => {
  await openTokens(page, `?owner=${encodeURIComponent(personFor('admin').userName)}`);
  await page
    .getByRole('button', { name: /^Rotate token / })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Rotate token' });
  await expect(dialog.getByText(/^This is your own token, but Brickwatch acts as the service principal/)).toBeVisible();
  await expect(dialog.getByText(/another person/)).toHaveCount(0);
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
