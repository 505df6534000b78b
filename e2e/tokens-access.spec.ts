// The tokens screen as each role meets it (the status of every route per role is in access-matrix.spec.ts):
// analysts read but see no action; bad input gets a 400 that names the field; a mutation needs the page's Origin.
import { expect, test } from '@playwright/test';
import { authFile } from './support/fixtures';

const ID = 'a'.repeat(64);
test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('sees every token and the policy, but no action', async ({ page }) => {
    await page.goto('/tokens');
    await expect(page.getByRole('heading', { name: 'Tokens', level: 1 })).toBeVisible();
    const table = page.getByRole('table', { name: 'Personal access tokens' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Workspace token policy' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Rotate|Revoke)/ })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Change maximum…' })).toHaveCount(0);
  });
});

test.describe('admin, bad input', () => {
  test.use({ storageState: authFile('admin') });

  test('gets 400 naming the parameter or field', async ({ request, baseURL }) => {
    const list = await request.get('/api/tokens?risk=severe');
    expect(list.status()).toBe(400);
    expect(((await list.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid query parameter "risk": risk takes a comma-separated list of high, medium, low',
    );

    const headers = { Origin: baseURL! };
    const rotate = await request.post(`/api/tokens/${ID}/rotate`, { data: { delivery: { kind: 'secret', scope: 'ci' } }, headers });
    expect(rotate.status()).toBe(400);
    expect(((await rotate.json()) as { error: { message: string } }).error.message).toBe('Invalid field "delivery.key": key is required');

    const policy = await request.put('/api/tokens/policy', { data: { maxTokenLifetimeDays: 1000 }, headers });
    expect(((await policy.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid field "maxTokenLifetimeDays": maxTokenLifetimeDays must be at most 730',
    );

    const bulk = await request.post('/api/tokens/revoke', { data: { tokenIds: [ID, 'b'.repeat(64)], confirmCount: 1 }, headers });
    expect(((await bulk.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid field "confirmCount": confirmCount does not match the number of tokens selected',
    );
  });

  test('is refused without the page’s Origin', async ({ request }) => {
    const res = await request.post(`/api/tokens/${ID}/revoke`, { data: {} });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_ORIGIN');
  });
});
