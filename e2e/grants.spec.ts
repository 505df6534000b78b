// The grants page as people use it: an analyst finds an over-privileged grant and a grant with no recorded use (and
// gets no buttons to change anything); an admin revokes one from the UI after reading the exact statement, the
// finding disappears and the simulator no longer holds the grant; a wrong role gets 403.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { authFile, workspace } from './support/fixtures';

const ws = workspace();

async function servicePrincipal(displayName: string): Promise<string> {
  const res = await fetch(
    `${ws.host}/api/2.0/preview/scim/v2/ServicePrincipals?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`,
    {
      headers: { Authorization: `Bearer ${ws.adminToken}` },
    },
  );
  return ((await res.json()) as { Resources: Array<{ applicationId: string }> }).Resources[0]!.applicationId;
}

async function privilegesOn(securable: string, principal: string): Promise<string[]> {
  const res = await fetch(`${ws.host}/api/2.1/unity-catalog/permissions/schema/${securable}?principal=${encodeURIComponent(principal)}`, {
    headers: { Authorization: `Bearer ${ws.adminToken}` },
  });
  const body = (await res.json()) as { privilege_assignments?: Array<{ privileges: string[] }> };
  return body.privilege_assignments?.flatMap((a) => a.privileges) ?? [];
}

async function openFindings(page: Page, query = '') {
  await page.goto(`/grants/findings${query}`);
  await expect(page.getByRole('table', { name: 'Grant findings' })).toBeVisible();
  // The findings arrive with the page; the toolbar's first control answering means React is live (clicks land).
  await expect(page.getByLabel('Kind of finding')).toBeEnabled();
}

test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('finds an over-privileged grant and a grant with no recorded use, and cannot change them', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grants' }).click();
    await expect(page.getByRole('heading', { name: 'Grants', level: 1 })).toBeVisible();
    await expect(page.getByRole('treegrid', { name: 'Grants across the metastore' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Grants views' }).getByRole('link', { name: 'Least privilege' }).click();
    await expect(page).toHaveURL(/\/grants\/findings$/);
    const table = page.getByRole('table', { name: 'Grant findings' });
    await expect(
      table.getByText(
        'ALL PRIVILEGES on catalog sandbox is granted to account users: everyone in the account can read, change and grant it.',
      ),
    ).toBeVisible();
    await expect(table.getByText('REVOKE ALL PRIVILEGES ON CATALOG `sandbox` FROM `account users`')).toBeVisible();

    await page.getByLabel('Kind of finding').selectOption('no_recorded_use');
    await expect(page).toHaveURL(/code=no_recorded_use/);
    await expect(table.getByText(/^No recorded write of schema analytics\.gold by powerbi-gateway in the last 90 days/)).toBeVisible();
    await expect(table.getByRole('button', { name: /^Revoke:/ })).toHaveCount(0);
  });

  test('asks who can read a table and sees the groups that let them', async ({ page }) => {
    await page.goto('/grants/access');
    await page.getByLabel('Table, view or volume (catalog.schema.name)').fill('analytics.gold.customer_360');
    await page.getByRole('button', { name: 'Ask' }).first().click();
    const readers = page.getByRole('table', { name: 'Who can read analytics.gold.customer_360' });
    await expect(readers.getByText('hightouch-reverse-etl')).toBeVisible();
    await expect(readers.getByText('SELECT on analytics.gold.customer_360, granted directly').first()).toBeVisible();
  });

  test('goes from a table in the matrix to who can read it, on the access tab', async ({ page }) => {
    await page.goto('/grants?detail=TABLE:analytics.gold.customer_360');
    await page.getByRole('dialog').getByRole('button', { name: 'Who can read this?' }).click();
    await expect(page).toHaveURL(/\/grants\/access\?readable=analytics\.gold\.customer_360$/);
    await expect(
      page.getByRole('table', { name: 'Who can read analytics.gold.customer_360' }).getByText('hightouch-reverse-etl'),
    ).toBeVisible();
  });

  test('follows a link made while the tabs were one page to the tab it named, with its filters', async ({ page }) => {
    await page.goto('/grants?tab=findings&code=legacy_usage&catalog=sandbox');
    await expect(page).toHaveURL(/\/grants\/findings\?catalog=sandbox&code=legacy_usage$/);
    await expect(page.getByRole('link', { name: 'Least privilege' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByLabel('Kind of finding')).toHaveValue('legacy_usage');
  });

  test('may not apply a change, and gets 400 naming a bad parameter', async ({ request, baseURL }) => {
    const res = await request.post('/api/grants/apply', {
      data: { action: 'REVOKE', privileges: ['SELECT'], securableType: 'SCHEMA', securable: 'analytics.gold', principal: 'analytics' },
      headers: { Origin: baseURL! },
    });
    expect(res.status()).toBe(403);
    const bad = await request.get('/api/grants/matrix?privilege=SELEKT');
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^Invalid query parameter "privilege": privilege must be one of/,
    );
  });
});

test.describe('admin', () => {
  test.use({ storageState: authFile('admin') });

  test('revokes a grant with no recorded use after reading the exact statement, and the finding disappears', async ({ page }) => {
    const powerbi = await servicePrincipal('powerbi-gateway');
    expect(await privilegesOn('analytics.gold', powerbi)).toContain('MODIFY');
    const sql = `REVOKE MODIFY ON SCHEMA \`analytics\`.\`gold\` FROM \`${powerbi}\``;
    await openFindings(page, '?code=no_recorded_use');
    const table = page.getByRole('table', { name: 'Grant findings' });
    await table.getByRole('button', { name: `Revoke: ${sql}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke on schema analytics.gold' });
    await expect(dialog.getByTestId('apply-sql')).toHaveText(sql);
    await dialog.getByRole('button', { name: 'Run REVOKE' }).click();
    await expect(page.getByText(`Revoked: ${sql}`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('button', { name: `Revoke: ${sql}` })).toHaveCount(0);
    expect(await privilegesOn('analytics.gold', powerbi)).not.toContain('MODIFY');
    expect(await privilegesOn('analytics.gold', powerbi)).toContain('SELECT');
    await page.goto('/activity');
    await expect(page.getByText('grants.revoke').first()).toBeVisible();
  });
});

test.describe('manager', () => {
  test.use({ storageState: authFile('manager') });

  test('gets 403 for the page and the API, and no nav link', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grants' })).toHaveCount(0);
    const res = await page.goto('/grants');
    expect(res?.status()).toBe(403);
    expect((await page.request.get('/grants/findings')).status()).toBe(403);
    expect((await page.request.get('/grants/access')).status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'This page needs a higher Brickwatch role' })).toBeVisible();
    expect((await request.get('/api/grants/matrix')).status()).toBe(403);
    expect((await request.get('/api/grants/findings')).status()).toBe(403);
  });
});
