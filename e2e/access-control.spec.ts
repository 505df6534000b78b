// Authorization as a person meets it: sign-in and back, the 403 and not-authorized pages, the navigation per role,
// and the message of a 400. The status of every route per role is in access-matrix.spec.ts.
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

const ANALYST_PAGES = ['/activity'];

test.describe('anonymous', () => {
  test('pages redirect to sign-in and come back to where they were going', async ({ page }) => {
    await page.goto('/activity?outcome=failure');
    await expect(page).toHaveURL('/login?callbackUrl=%2Factivity%3Foutcome%3Dfailure');
    await expect(page.getByRole('heading', { name: 'Sign in to Brickwatch' })).toBeVisible();
  });
});

test.describe('manager', () => {
  test.use({ storageState: authFile('manager') });

  test('gets the 403 page on analyst pages and no link to them', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' })).toHaveCount(0);
    for (const path of ANALYST_PAGES) {
      // Decided before the page streams, so the refusal carries its status.
      expect((await page.goto(path))!.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'This page needs a higher Brickwatch role' })).toBeVisible();
    }
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
      expect((await page.goto(path))!.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'You are not authorized to use Brickwatch' })).toBeVisible();
      await expect(page.getByText('security-analysts')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    }
    expect((await request.get('/api/ready')).status()).toBe(403);
  });
});
