// Signs in once per persona through the real flow — Brickwatch's sign-in page, the simulator's Databricks sign-in
// page (user picker), back to Brickwatch — and stores each session for the other specs.
import { expect, test as setup } from './support/test';
import { authFile, personFor, PERSONAS } from './support/fixtures';

for (const persona of PERSONAS) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    const person = personFor(persona);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByRole('button', { name: 'Sign in with Databricks' }).click();
    // The simulator's page: one button per demo person.
    await page.getByRole('button', { name: new RegExp(person.displayName) }).click();
    if (persona === 'none') {
      await expect(page.getByRole('heading', { name: 'You are not authorized to use Brickwatch' })).toBeVisible();
    } else {
      await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
      await expect(page.getByRole('banner').getByText(person.displayName)).toBeVisible();
    }
    await page.context().storageState({ path: authFile(persona) });
  });
}
