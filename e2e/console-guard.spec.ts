// The console guard itself (support/test.ts): an uncaught page error or a console error nobody declared fails the test,
// and one the test declares does not. `test.fail()` turns the guard's verdict into the expected outcome.
import { authFile } from './support/fixtures';
import { expect, test } from './support/test';

test.use({ storageState: authFile('analyst') });

test('an uncaught page error fails the test that saw it', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await Promise.all([
    page.waitForEvent('pageerror'),
    page.evaluate(() => setTimeout(() => Promise.reject(new Error('nobody handles this')), 0)),
  ]);
});

test('a console error fails the test that saw it', async ({ page }) => {
  test.fail();
  await page.goto('/');
  await Promise.all([page.waitForEvent('console'), page.evaluate(() => console.error('something went wrong'))]);
});

test('a declared console error does not', async ({ page, consoleErrors }) => {
  consoleErrors.allow(/provoked on purpose/);
  await page.goto('/');
  await page.evaluate(() => console.error('provoked on purpose'));
  await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
});
