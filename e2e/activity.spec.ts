// The activity screen: the action log with its integrity check, filters that live in the URL, rows in words (the
// change, the failure reason, the token by its comment and owner), and a drawer with the entry in full.
import { authFile, simControl, workspace } from './support/fixtures';
import { expect, test } from './support/test';

test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('shows the verified action log and keeps filters in the URL', async ({ page }) => {
    await page.goto('/activity');
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(page.getByText(/Integrity verified|The action log is empty/)).toBeVisible();
    await page.getByLabel('Outcome').selectOption('failure');
    await expect(page).toHaveURL(/\/activity\?outcome=failure$/);
    await page.reload();
    await expect(page.getByLabel('Outcome')).toHaveValue('failure');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page).toHaveURL(/\/activity\??$/);
  });
});

test.describe('admin', () => {
  test.use({ storageState: authFile('admin') });

  test('a change and a refusal read in words, and a row opens in full', async ({ page, baseURL, consoleErrors }) => {
    // A policy change that Databricks refuses is still logged, with the reason.
    await page.goto('/tokens');
    const headers = { Origin: baseURL! };
    const current = (await (await page.request.get('/api/tokens')).json()) as { policy: { maxLifetimeDays: number | null } };
    const before = current.policy.maxLifetimeDays ?? 90;
    const to = before === 1 ? 2 : 1;
    expect((await page.request.put('/api/tokens/policy', { data: { maxTokenLifetimeDays: to }, headers })).ok()).toBe(true);
    const ws = workspace();
    await simControl(ws, 'POST', '/faults', { spec: 'PATCH /api/2.0/workspace-conf -> 500 times=1' });
    try {
      expect((await page.request.put('/api/tokens/policy', { data: { maxTokenLifetimeDays: before }, headers })).ok()).toBe(false);
    } finally {
      await simControl(ws, 'DELETE', '/faults');
    }
    expect((await page.request.put('/api/tokens/policy', { data: { maxTokenLifetimeDays: before }, headers })).ok()).toBe(true);

    await page.goto('/activity?action=tokens.policy.set');
    const table = page.getByRole('table', { name: 'Brickwatch action log' });
    const row = table
      .getByRole('row')
      .filter({ hasText: `${before === 1 ? '1 day' : `${before} days`} → ${to === 1 ? '1 day' : `${to} days`}` });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('Set the maximum token lifetime')).toBeVisible();
    await expect(row.getByText('Maximum token lifetime (workspace setting)')).toBeVisible();
    const refused = table.getByRole('row').filter({ hasText: 'failure' }).first();
    await expect(refused.getByText(/^HTTP 500 INTERNAL_ERROR: /)).toBeVisible();
    await row.click();
    await expect(page).toHaveURL(/[?&]entry=\d+/);
    const drawer = page.getByRole('dialog', { name: 'Set the maximum token lifetime' });
    await expect(drawer.getByText('Databricks request id')).toBeVisible();
    await expect(drawer.getByRole('heading', { name: 'Place in the chain' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('dialog', { name: 'Set the maximum token lifetime' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/entry=/);

    // An entry a link names that does not exist says so (the browser logs the 404 it got).
    consoleErrors.allow(/status of 404/);
    await page.goto('/activity?entry=999999');
    await expect(page.getByRole('dialog').getByText('The action log has no entry #999999.')).toBeVisible();
  });
});
