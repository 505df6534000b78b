// The secrets screens as each role meets them (the status of every route per role is in access-matrix.spec.ts): an
// analyst reads everything and gets 403 from every action; bad input gets a 400 in words; Databricks' refusals keep
// their meaning.
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('sees scopes, findings and credentials outside scopes, with no action anywhere', async ({ page }) => {
    await page.goto('/secrets');
    await expect(page.getByRole('heading', { name: 'Secrets', level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Secret scopes' }).getByRole('link', { name: 'prod-etl' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Credentials outside scopes' }).getByText('SNOWFLAKE_PASSWORD').first()).toBeVisible();
    await expect(page.getByRole('button', { name: /Create scope|Put into a scope/ })).toHaveCount(0);

    await page.getByRole('link', { name: 'prod-etl' }).click();
    await expect(page.getByRole('heading', { name: 'prod-etl', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Findings' }).getByText(/All workspace users \(users\) hold MANAGE/)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Secrets in prod-etl' }).getByText('snowflake-password')).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Put a secret|Give access|Delete scope|Replace|Delete |Change|Remove )/ })).toHaveCount(
      0,
    );
  });

  test('gets 403 from every action API', async ({ request, baseURL }) => {
    const headers = { Origin: baseURL! };
    const calls = [
      request.post('/api/secrets/scopes', { data: { scope: 'nope' }, headers }),
      request.delete('/api/secrets/scopes/prod-etl', { data: { confirm: 'prod-etl' }, headers }),
      request.put('/api/secrets/scopes/prod-etl/keys/x', { data: { value: 'v' }, headers }),
      request.delete('/api/secrets/scopes/prod-etl/keys/snowflake-password', { headers }),
      request.put('/api/secrets/scopes/prod-etl/acls', { data: { principal: 'analytics', permission: 'READ' }, headers }),
      request.delete('/api/secrets/scopes/prod-etl/acls', { data: { principal: 'users' }, headers }),
      request.get('/api/secrets/principals?q=data'),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status(), res.url()).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
  });
});

test.describe('admin, bad input and refusals', () => {
  test.use({ storageState: authFile('admin') });

  const message = async (res: { json(): Promise<unknown> }) => ((await res.json()) as { error: { message: string } }).error.message;

  test('gets 400 in words for names, values and vaults', async ({ request, baseURL }) => {
    const headers = { Origin: baseURL! };
    const badName = await request.post('/api/secrets/scopes', { data: { scope: 'has space' }, headers });
    expect(badName.status()).toBe(400);
    expect(await message(badName)).toBe(
      'Invalid field "scope": The scope name may only use letters, digits, dash, underscore, period and @',
    );
    const tooBig = await request.put('/api/secrets/scopes/prod-etl/keys/big', { data: { value: 'x'.repeat(129 * 1024) }, headers });
    expect(tooBig.status()).toBe(400);
    expect(await message(tooBig)).toBe('Invalid field "value": The value is 132,096 bytes; Databricks takes at most 131,072 (128 KB)');
    const noVault = await request.post('/api/secrets/scopes', { data: { scope: 'kv', backend: 'AZURE_KEYVAULT' }, headers });
    expect(await message(noVault)).toMatch(/needs the vault’s resource id and DNS name/);
    const mismatch = await request.delete('/api/secrets/scopes/prod-etl', { data: { confirm: 'prod-et' }, headers });
    expect(mismatch.status()).toBe(400);
    expect(await message(mismatch)).toBe('Type the scope name exactly (prod-etl) to delete it.');
  });

  test('sees Databricks’ refusals keep their meaning: exists 400, missing 404, Key Vault 400 in words', async ({ request, baseURL }) => {
    const headers = { Origin: baseURL! };
    const exists = await request.post('/api/secrets/scopes', { data: { scope: 'PROD-ETL' }, headers });
    expect(exists.status()).toBe(400);
    expect(await message(exists)).toBe('A scope with this name already exists (Databricks compares scope names without regard to case).');
    const missing = await request.get('/api/secrets/scopes/no-such-scope');
    expect(missing.status()).toBe(404);
    const missingKey = await request.delete('/api/secrets/scopes/prod-etl/keys/no-such-key', { headers });
    expect(missingKey.status()).toBe(404);
    const keyVault = await request.post('/api/secrets/scopes', {
      data: {
        scope: 'kv-e2e',
        backend: 'AZURE_KEYVAULT',
        keyVault: {
          resourceId: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-e2e',
          dnsName: 'https://kv-e2e.vault.azure.net/',
        },
      },
      headers,
    });
    expect(keyVault.status()).toBe(400);
    expect(await message(keyVault)).toMatch(/Microsoft Entra ID token/);
    const readOnly = await request.put('/api/secrets/scopes/akv-prod-keys/keys/x', { data: { value: 'v' }, headers });
    expect(readOnly.status()).toBe(400);
    expect(await message(readOnly)).toMatch(/backed by Azure Key Vault, which Databricks only reads/);
  });

  test('is refused without the page’s Origin', async ({ request }) => {
    const res = await request.put('/api/secrets/scopes/prod-etl/keys/x', { data: { value: 'v' } });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_ORIGIN');
  });
});
