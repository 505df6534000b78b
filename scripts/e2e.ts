// `npm run test:e2e [-- <playwright args>]`: a browser, the run's simulator CA, a production build in its own folder
// (BRICKWATCH_DIST_DIR, default .next-e2e, so a running demo's .next is never touched), then Playwright.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './lib/browser';
import { ensureBuild } from './lib/build';
import { ensureTestCa, TEST_CA_PEM } from '../testing/test-ca';

async function main(): Promise<number> {
  const chromium = ensureChromium();
  await ensureTestCa();
  const distDir = process.env.BRICKWATCH_DIST_DIR || '.next-e2e';
  await ensureBuild(distDir);
  const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_EXTRA_CA_CERTS: TEST_CA_PEM,
      BRICKWATCH_DIST_DIR: distDir,
      CHROMIUM_PATH: chromium,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  return run.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
