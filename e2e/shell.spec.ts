// The signed-in frame: landmarks, skip link, theme choice that survives a reload.
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

test.use({ storageState: authFile('analyst') });

test('has banner, navigation and main landmarks and a working skip link', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the theme follows the system until chosen, and the choice persists', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/light|dark/);
  await page.getByRole('button', { name: /^System theme/ }).click();
  await expect(html).toHaveClass('light');
  await page.getByRole('button', { name: /^Light theme/ }).click();
  await expect(html).toHaveClass('dark');
  await page.reload();
  await expect(html).toHaveClass('dark');
  await page.getByRole('button', { name: /^Dark theme/ }).click();
  await expect(html).not.toHaveClass(/light|dark/);
});
