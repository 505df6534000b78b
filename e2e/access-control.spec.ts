// Authorization is checked on the server for every page and API: anonymous → sign-in / 401, too low a role → 403,
// no role at all → the not-authorized page, bad input → 400 with a message a person can act on.
import { expect, test } from '@playwright/test';
import { authFile } from './support/fixtures';

const ANALYST_PAGES = ['/activity'];
const ANALYST_APIS = ['/api/activity'];
const MANAGER_APIS = ['/api/ready', '/api/overview/health?target=rest'];

test.describe('anonymous', () => {
  test('pages redirect to sign-in and come back to where they were going', async ({ page }) => {
    await page.goto('/activity?outcome=failure');
    await expect(page).toHaveURL('/login?callbackUrl=%2Factivity%3Foutcome%3Dfailure');
    await expect(page.getByRole('heading', { name: 'Sign in to Brickwatch' })).toBeVisible();
  });

  test('APIs answer 401 with the JSON error shape', async ({ request }) => {
    for (const path of [...ANALYST_APIS, ...MANAGER_APIS]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(401);
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: 'UNAUTHENTICATED', requestId: expect.any(String) });
    }
  });

  test('liveness needs no session and says nothing', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

test.describe('manager', () => {
  test.use({ storageState: authFile('manager') });

  test('gets the 403 page on analyst pages and no link to them', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' })).toHaveCount(0);
    for (const path of ANALYST_PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'This page needs a higher Brickwatch role' })).toBeVisible();
    }
  });

  test('gets 403 from analyst APIs and 200 from manager APIs', async ({ request }) => {
    for (const path of ANALYST_APIS) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(403);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'FORBIDDEN',
        message: 'This needs the Analyst role; you are Manager.',
      });
    }
    for (const path of MANAGER_APIS) expect((await request.get(path)).status(), path).toBe(200);
  });

  test('gets 400 naming the parameter for bad input', async ({ request }) => {
    const res = await request.get('/api/overview/health?target=everything');
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Invalid query parameter "target": must be "rest" or "sql"',
    });
  });
});

test.describe('analyst', () => {
  test.use({ storageState: authFile('analyst') });

  test('reaches analyst pages from the navigation', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});

test.describe('someone with no Brickwatch group', () => {
  test.use({ storageState: authFile('none') });

  test('sees a clear not-authorized page, never an empty dashboard', async ({ page, request }) => {
    for (const path of ['/', '/activity']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: 'You are not authorized to use Brickwatch' })).toBeVisible();
      await expect(page.getByText('security-analysts')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    }
    expect((await request.get('/api/ready')).status()).toBe(403);
  });
});
