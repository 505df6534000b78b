import { chromium, type Page } from '@playwright/test';
const app = 'http://localhost:3117';
const out = '/tmp/sec-shots';
async function signIn(page: Page, person: RegExp) {
  await page.goto(`${app}/login`);
  await page.getByRole('button', { name: 'Sign in with Databricks' }).click();
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL(`${app}/`);
}
async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await signIn(page, /Alex Morgan/);
  const which = process.argv[2] ?? 'all';
  for (const width of [1440, 1280, 1024]) {
    if (which !== 'all' && which !== 'list') break;
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${app}/secrets`);
    await page.getByRole('table', { name: 'Credentials outside scopes' }).waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/secrets-${width}.png`, fullPage: true });
  }
  for (const [name, path] of [['finance', '/secrets/finance-reporting'], ['akv', '/secrets/akv-prod-keys'], ['empty', '/secrets/sharepoint-migration']] as const) {
    if (which !== 'all' && which !== 'detail') break;
    for (const width of [1440, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app}${path}`);
      await page.getByRole('heading', { name: /Activity/ }).waitFor({ timeout: 120_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/scope-${name}-${width}.png`, fullPage: true });
    }
  }
  if (which === 'all' || which === 'dialogs') {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${app}/secrets/ml-platform`);
    await page.getByRole('button', { name: 'Give access…' }).click();
    await page.getByLabel('Who').fill('data');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/dialog-acl.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Put a secret…' }).click();
    await page.screenshot({ path: `${out}/dialog-put.png` });
    await page.keyboard.press('Escape');
    await page.goto(`${app}/secrets`);
    await page.getByRole('button', { name: 'Create scope…' }).click();
    await page.getByLabel('In an Azure Key Vault').check();
    await page.screenshot({ path: `${out}/dialog-create.png` });
  }
  await browser.close();
}
void main();
