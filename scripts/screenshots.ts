// `tsx scripts/screenshots.ts <app-url> <out-dir> [--theme light|dark]`: signs in as each demo persona through the
// simulator's sign-in page and saves a PNG of each page it can open. For the README and for looking at the UI.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { NAV_ITEMS } from '../lib/nav';
import { ensureChromium } from './lib/browser';

const [appUrl = 'http://localhost:3000', outDir = 'screenshots'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const theme = process.argv.includes('--dark') ? 'dark' : 'light';
const PERSONAS = [
  { name: 'admin', person: /Alex Morgan/, pages: NAV_ITEMS.map((i) => i.href) },
  { name: 'analyst', person: /Priya Shah/, pages: ['/'] },
  { name: 'manager', person: /Daniel Okafor/, pages: ['/', '/activity', '/reports'] },
  { name: 'none', person: /Sam Rivera/, pages: ['/'] },
];

async function signIn(page: Page, person: RegExp) {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: 'Sign in with Databricks' }).click();
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL(`${appUrl}/`);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const login = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: theme });
  await login.goto(`${appUrl}/login`);
  await login.screenshot({ path: join(outDir, `login-${theme}.png`) });
  await login.close();
  for (const p of PERSONAS) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await signIn(page, p.person);
    for (const path of p.pages) {
      await page.goto(`${appUrl}${path}`);
      await page.waitForLoadState('networkidle');
      const file = join(outDir, `${p.name}${path === '/' ? '-home' : path.replace(/\//g, '-')}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      process.stdout.write(`${file}\n`);
    }
    await context.close();
  }
  await browser.close();
}

void main();
