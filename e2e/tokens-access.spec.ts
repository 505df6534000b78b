// The tokens screen as each role meets it (the status of every route per role is in access-matrix.spec.ts):
// analysts read but see no action; bad input gets a 400 that names the field; a mutation needs the page's Origin.
import { expect, test } from './support/test';
import { authFile, simControl, workspace } from './support/fixtures';

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

  test('when token management fails, a reload says what failed within the server’s retry budget, asked once', async ({ page }) => {
    const ws = workspace();
    await page.goto('/tokens');
    await expect(page.getByRole('table', { name: 'Personal access tokens' })).toBeVisible();
    await simControl(ws, 'POST', '/faults', { spec: 'GET /api/2.0/token-management/tokens -> 503:TEMPORARILY_UNAVAILABLE' });
    try {
      const browserReads: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/tokens') browserReads.push(r.url());
      });
      const started = Date.now();
      // A reload asks the server for fresh reads (Cache-Control: max-age=0), so the list is read from Databricks again.
      await page.reload();
      await expect(page.getByText(/^Tokens could not be listed: Databricks answered with an error/)).toBeVisible();
      // The REST client's retry budget is 5 s; the browser must not start over after it.
      expect(Date.now() - started).toBeLessThan(12_000);
      await expect(page.getByText(/Please try again later\. Try again shortly/)).toHaveCount(0);
      expect(browserReads, 'the server’s answer is final: the browser does not ask again').toEqual([]);
    } finally {
      await simControl(ws, 'DELETE', '/faults');
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table', { name: 'Personal access tokens' })).toBeVisible();
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
    expect(((await rotate.json()) as { error: { message: string } }).error.message).toBe('Invalid field "delivery.key": Key is required');

    const policy = await request.put('/api/tokens/policy', { data: { maxTokenLifetimeDays: 1000 }, headers });
    expect(((await policy.json()) as { error: { message: string } }).error.message).toBe(
      'Invalid field "maxTokenLifetimeDays": The maximum lifetime must be at most 730 days',
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
