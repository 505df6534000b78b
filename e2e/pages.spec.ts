// Every page the app has (discovered from app/, as the access matrix is), opened as every kind of caller: it answers
// with the status the matrix decides, settles without a console error or page error (the shared fixture checks that),
// and axe-core finds no serious or critical violation on it in the light theme and in the dark one. A new page is
// walked by itself.
import { join } from 'node:path';
import { hasRole } from '../lib/roles';
import { THEME_COOKIE } from '../components/shell/theme';
import { expectAccessible, settled, switchTheme } from './support/a11y';
import { ACCESS, discoverRoutes, sampleUrl } from './support/access-matrix';
import { authFile, type Persona } from './support/fixtures';
import { expect, test } from './support/test';

// Dynamic pages are walked at the sample address the access matrix uses for reads (a seeded object).
const PAGES = discoverRoutes(join(__dirname, '..', 'app'))
  .filter((r) => r.method === 'PAGE')
  .map((r) => ({ ...r, path: sampleUrl('GET', r.path) }));
const CALLERS: Array<Persona | 'anonymous'> = ['anonymous', 'none', 'manager', 'analyst', 'admin'];

for (const caller of CALLERS) {
  test.describe(`as ${caller}`, () => {
    test.use({ storageState: caller === 'anonymous' ? { cookies: [], origins: [] } : authFile(caller) });

    test('every page answers as the matrix says, settles without console errors and passes axe in both themes', async ({
      page,
      context,
      baseURL,
    }) => {
      test.setTimeout(120_000);
      // Rendered light by the server; the dark theme is then the same page with the class the theme button sets.
      await context.addCookies([{ name: THEME_COOKIE, value: 'light', url: baseURL! }]);
      const role = caller === 'anonymous' || caller === 'none' ? null : caller;
      // A refusal renders the same page whichever address was refused: axe looks at it once per caller.
      let refusalChecked = false;
      for (const { path, key } of PAGES) {
        expect(path, `${key}: give the walk a sample address for this dynamic page`).not.toContain('[');
        const access = ACCESS[key]!;
        const res = (await page.goto(path))!;
        const where = `${path} as ${caller}`;
        if (new URL(page.url()).pathname !== path) {
          // Sent elsewhere (anonymous to sign-in, a signed-in person away from it): that page is walked on its own.
          expect(access === 'public' || caller === 'anonymous', `${where} went to ${page.url()}`).toBe(true);
          continue;
        }
        if (access === 'public') {
          expect(res.status(), where).toBeLessThan(400);
        } else if (access !== 'nothing' && hasRole(role, access)) {
          expect(res.status(), where).toBe(200);
        } else {
          expect(res.status(), where).toBe(403);
          if (refusalChecked) continue;
          refusalChecked = true;
        }
        await settled(page);
        await expect(page.locator('html')).toHaveClass('light');
        await expectAccessible(page, `${where}, light`);
        await switchTheme(page, 'dark');
        await expectAccessible(page, `${where}, dark`, { colourOnly: true });
      }
    });
  });
}
