// Finds a Chromium for Playwright, or gets one: Playwright's own installer where it can download, else Debian's
// package when running as root, else one clear instruction. Debian's build works with @playwright/test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function playwrightsOwn(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved lazily: only needed when no system browser exists
    const path = (require('playwright-core') as { chromium: { executablePath(): string } }).chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function found(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? playwrightsOwn();
}

export function ensureChromium(log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): string {
  const existing = found();
  if (existing) return existing;
  log("No Chromium found; trying Playwright's installer…");
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 180_000 });
  const viaPlaywright = found();
  if (viaPlaywright) return viaPlaywright;
  if (process.getuid?.() === 0) {
    log("Playwright could not download a browser; installing Debian's chromium (apt-get)…");
    execFileSync('apt-get', ['update'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const viaApt = found();
    if (viaApt) return viaApt;
  }
  throw new Error(
    'No Chromium for the end-to-end tests. Install one with `sudo apt-get install -y chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}
