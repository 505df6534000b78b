// `tsx scripts/screenshots.ts <app-url> <out-dir> [--dark] [--widths 1440,1280,1024] [--personas admin,manager]`: signs
// in as each demo persona through the simulator's sign-in page and saves a full-page PNG of every page (a refused one
// shows its 403 page), at each width. For each page it also prints what does not fit: every scroll area (a table's frame) whose
// content is wider than the area, and by how much, so "hidden columns" are measured rather than guessed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { NAV_ITEMS } from '../lib/nav';
import type { Role } from '../lib/roles';
import { ensureChromium } from './lib/browser';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const VALUED = new Set(['--widths', '--personas']);
const positional = args.filter((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
const [appUrl = 'http://localhost:3000', outDir = 'screenshots'] = positional;
const theme = args.includes('--dark') ? 'dark' : 'light';
const widths = (option('widths') ?? '1280').split(',').map(Number);

const PERSONAS: Array<{ name: Role | 'none'; person: RegExp }> = [
  { name: 'admin', person: /Alex Morgan/ },
  { name: 'analyst', person: /Priya Shah/ },
  { name: 'manager', person: /Daniel Okafor/ },
  { name: 'none', person: /Sam Rivera/ },
];
const wanted = option('personas')?.split(',');

async function signIn(page: Page, person: RegExp) {
  await page.goto(`${appUrl}/login`);
  await page.getByRole('button', { name: 'Sign in with Databricks' }).click();
  await page.getByRole('button', { name: person }).click();
  await page.waitForURL(`${appUrl}/`);
}

/** Scroll areas whose content overflows sideways, and the page itself: "<what> hides <n> px". */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`page hides ${doc.scrollWidth - doc.clientWidth} px`);
    for (const el of document.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(el);
      if (!/(auto|scroll)/.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) continue;
      const name = el.querySelector('caption')?.textContent ?? el.getAttribute('aria-label') ?? el.tagName.toLowerCase();
      out.push(`${name} hides ${el.scrollWidth - el.clientWidth} px`);
    }
    return out;
  });
}

/** Tabs that are routes of their own, beside the nav's pages. */
const TAB_ROUTES = ['/grants/findings', '/grants/access', '/secrets/code'];

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
  for (const p of PERSONAS.filter((x) => !wanted || wanted.includes(x.name))) {
    const context = await browser.newContext({ viewport: { width: widths[0]!, height: 900 }, colorScheme: theme, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await signIn(page, p.person);
    // Every page, including those the persona may not open: the refusal is a page too.
    const pages = p.name === 'none' ? ['/'] : [...NAV_ITEMS.map((i) => i.href), ...TAB_ROUTES];
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(`${appUrl}${path}`);
        await page.waitForLoadState('networkidle');
        const file = join(outDir, `${p.name}${path === '/' ? '-home' : path.replace(/\//g, '-')}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const hidden = await overflows(page);
        process.stdout.write(`${file}${hidden.length ? `\n  ${hidden.join('\n  ')}` : ''}\n`);
      }
    }
    await context.close();
  }
  await browser.close();
}

void main();
