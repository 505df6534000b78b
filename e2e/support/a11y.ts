// axe-core over what is on screen now: zero serious or critical violations. Used by the page walk (every page, every
// role, both themes) and by specs that open a dialog or a drawer, which the walk never sees.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './test';

// What the theme changes is colour; everything else axe checks (names, roles, structure) is the same markup.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export async function expectAccessible(page: Page, what: string, { colourOnly = false }: { colourOnly?: boolean } = {}): Promise<void> {
  let axe = new AxeBuilder({ page })
    // One page, no frames: axe runs in it directly, a third of the time of the cross-frame mode.
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    // Rows of a data table past the tenth repeat the markup and colours of the first ten (the slowest part of a run).
    .exclude('tbody > tr:nth-child(n+11)');
  if (colourOnly) axe = axe.withRules(COLOUR_RULES);
  const { violations } = await axe.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `${what}: serious or critical accessibility violations`).toEqual([]);
}

/** Waits until the page has settled: no request in flight and no loading skeleton left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
}

/** Switches the theme in place, as the theme button does (a class on <html>), so a page is checked in both. */
export async function switchTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  // Colours are read as they end up, not halfway through a button's colour transition.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.evaluate((t) => {
    document.documentElement.classList.remove('light', 'dark');
    document.documentElement.classList.add(t);
  }, theme);
}
