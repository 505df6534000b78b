// End-to-end tests: the production build (`npm run test:e2e` builds it into BRICKWATCH_DIST_DIR) against a started
// simulator, in headless Chromium. Global setup starts both; `setup` signs in once per role through the simulator's
// sign-in page and stores the sessions in e2e/.auth; every other spec reuses them.
import { execSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

// A free port picked once per run; workers re-read this file and inherit the variable, so they agree on it.
process.env.E2E_PORT ??= execSync(
  `node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"`,
)
  .toString()
  .trim();
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  // One app server and two cores: tests run one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    // The simulator's sign-in page is served over HTTPS with its own CA, which Chromium does not know. (The app
    // itself is plain HTTP here; server-side calls trust the CA through NODE_EXTRA_CA_CERTS.)
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    {
      name: 'app',
      testIgnore: /.*\.setup\.ts/,
      dependencies: ['setup'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
});
