// The data-protection page as people use it: an analyst finds an unmasked email column; an admin masks it from the
// UI after reading the exact statements, coverage goes up and the column leaves the unmasked list (and Unity Catalog
// reports the mask); a wrong role gets 403.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { authFile, workspace } from './support/fixtures';

const ws = workspace();
const TABLE = 'analytics.gold.customer_360';

async function maskOf(table: string, column: string): Promise<string | null> {
  const res = await fetch(`${ws.host}/api/2.1/unity-catalog/tables/${table}`, { headers: { Authorization: `Bearer ${ws.adminToken}` } });
  const body = (await res.json()) as { columns: Array<{ name: string; mask?: { function_name: string } }> };
  return body.columns.find((c) => c.name === column)?.mask?.function_name ?? null;
}

async function open(page: Page, query = '') {
  await page.goto(`/data-protection${query}`);
  await expect(page.getByRole('heading', { name: 'Data protection', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Sensitive columns' })).toBeVisible();
}

const maskedFigure = (page: Page) => page.getByRole('meter', { name: 'Sensitive columns masked' });

test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('finds an unmasked email column, and the near misses are not listed', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data protection' }).click();
    await expect(page.getByRole('heading', { name: 'Data protection', level: 1 })).toBeVisible();
    await page.getByLabel('Kind').selectOption('email');
    await page.getByLabel('Mask', { exact: true }).selectOption('unmasked');
    await expect(page).toHaveURL(/kind=email&status=unmasked/);
    const row = page.getByRole('row').filter({ hasText: TABLE }).filter({ hasText: 'email' });
    await expect(row.first()).toContainText('Not masked');
    await expect(page.getByText('email_sent_count')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Mask / })).toHaveCount(0);
  });

  test('typing quickly into the search keeps every character while the URL and the table follow', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox', { name: 'Search' });
    // Enter sends the text to the URL at once; the typing that follows races the page's re-render with it.
    await search.pressSequentially('customer');
    await search.press('Enter');
    await search.pressSequentially('_360.email');
    await expect(search).toHaveValue('customer_360.email');
    await expect(page).toHaveURL(/[?&]q=customer_360\.email$/);
    const rows = page
      .getByRole('table', { name: 'Sensitive columns' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
    await expect(rows.filter({ hasText: TABLE }).filter({ hasText: 'email' }).first()).toBeVisible();
    await expect(rows.filter({ hasNotText: TABLE })).toHaveCount(0);
    await expect(search).toHaveValue('customer_360.email');
  });

  test('may not mask', async ({ request, baseURL }) => {
    const res = await request.post('/api/data-protection/masks', {
      data: { table: TABLE, column: 'email', allowedGroup: 'claims-analytics' },
      headers: { Origin: baseURL! },
    });
    expect(res.status()).toBe(403);
  });
});

test.describe('admin', () => {
  test.use({ storageState: authFile('admin') });

  test('masks the column from the UI: coverage goes up and it leaves the unmasked list', async ({ page }) => {
    expect(await maskOf(TABLE, 'email')).toBeNull();
    await open(page, '?status=unmasked');
    const before = Number(await maskedFigure(page).getAttribute('aria-valuenow'));
    await page.getByRole('button', { name: `Mask ${TABLE}.email` }).click();
    const dialog = page.getByRole('dialog', { name: `Mask ${TABLE}.email` });
    await dialog.getByLabel('Group allowed to see raw values').selectOption('claims-analytics');
    const statements = dialog.getByTestId('change-sql');
    await expect(statements).toHaveCount(2);
    await expect(statements.nth(0)).toContainText('CREATE FUNCTION `main`.`governance`.`mask_email_claims_analytics`(value STRING)');
    await expect(statements.nth(1)).toHaveText(
      'ALTER TABLE `analytics`.`gold`.`customer_360` ALTER COLUMN `email` SET MASK `main`.`governance`.`mask_email_claims_analytics`',
    );
    await dialog.getByRole('button', { name: 'Apply mask' }).click();
    await expect(page.getByText(`Masked ${TABLE}.email`)).toBeVisible();
    await expect(page.getByRole('button', { name: `Mask ${TABLE}.email` })).toHaveCount(0);
    await expect.poll(async () => Number(await maskedFigure(page).getAttribute('aria-valuenow'))).toBeGreaterThan(before);
    expect(await maskOf(TABLE, 'email')).toBe('main.governance.mask_email_claims_analytics');
  });
});

test.describe('manager', () => {
  test.use({ storageState: authFile('manager') });

  test('gets 403 for the page and the API', async ({ page, request }) => {
    const res = await page.goto('/data-protection');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page needs a higher Brickwatch role' })).toBeVisible();
    expect((await request.get('/api/data-protection/columns')).status()).toBe(403);
  });
});
