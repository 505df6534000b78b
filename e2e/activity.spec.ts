// The activity screen: the action log with its integrity check, filters that live in the URL, CSV of what is shown.
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

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
