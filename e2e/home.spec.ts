// Every role lands on the overview: who they are, who Brickwatch acts as, and both upstreams healthy.
import { expect, test } from './support/test';
import { authFile, personFor, workspace, type Persona } from './support/fixtures';

const ROLE_LABEL: Record<Exclude<Persona, 'none'>, string> = { admin: 'Admin', analyst: 'Analyst', manager: 'Manager' };

for (const persona of ['admin', 'analyst', 'manager'] as const) {
  test.describe(`${persona} home`, () => {
    test.use({ storageState: authFile(persona) });

    test('shows the workspace, the person, the acting identity and healthy connections', async ({ page }) => {
      const person = personFor(persona);
      const ws = workspace();
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Posture', level: 1 })).toBeVisible();
      const you = page.getByRole('region', { name: 'You' });
      await expect(you.getByText(person.displayName)).toBeVisible();
      await expect(you.getByText(ROLE_LABEL[persona], { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Workspace' }).getByRole('link', { name: new URL(ws.host).host })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Brickwatch acts as' }).getByText(ws.servicePrincipal.applicationId)).toBeVisible();
      for (const name of ['REST API', 'SQL warehouse']) {
        const card = page.getByRole('region', { name });
        await expect(card.getByText('Connected')).toBeVisible();
        await expect(card.getByText(ws.servicePrincipal.applicationId)).toBeVisible();
      }
    });
  });
}
