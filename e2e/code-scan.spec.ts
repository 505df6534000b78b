// Credentials in code, as an analyst uses it: start a scan, watch its progress, open a finding and read its fix. Every
// seeded credential value is then searched for in every response the browser received, in the app server's log and
// in every file of its data directory: none may hold one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { plantedNotebookSecrets } from '../simulator/seed/notebook-secrets';
import { authFile, simControl, workspace } from './support/fixtures';

test.use({ storageState: authFile('analyst') });

const ws = workspace();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

test('an analyst starts a scan, watches its progress and opens a finding; no credential value leaves the workspace', async ({ page }) => {
  test.setTimeout(120_000);
  const bodies: string[] = [];
  page.on('response', async (res) => {
    try {
      bodies.push(await res.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
  // Slow exports down so the scan runs long enough to be watched.
  await simControl(ws, 'POST', '/faults', { spec: 'GET /api/2.0/workspace/export -> delay:300' });
  try {
    await page.goto('/secrets/code');
    await expect(page.getByRole('heading', { name: 'Credentials in code' })).toBeVisible();
    await expect(page.getByText('No scan yet').first()).toBeVisible();
    // Enabled once React runs in the page, so the click reaches its handler.
    await expect(page.getByRole('button', { name: 'Full scan' })).toBeEnabled();
    await page.getByRole('button', { name: 'Full scan' }).click();

    const bar = page.getByRole('progressbar', { name: 'Scan progress' });
    await expect(bar).toBeVisible();
    await expect(page.getByText('scanned', { exact: true })).toBeVisible();
    // Progress moves while the page stays usable.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect(page.getByText(/Last scan completed/)).toBeVisible({ timeout: 90_000 });
    await expect(bar).toHaveCount(0);
  } finally {
    await simControl(ws, 'DELETE', '/faults');
  }

  const { positives } = plantedNotebookSecrets('demo', 42);
  const table = page.getByRole('table', { name: 'Credentials found in notebooks and files' });
  await expect(page.getByLabel('Coverage')).toContainText('could not be read');
  await expect(table.getByRole('row')).toHaveCount(positives.length + 1);

  const row = table.getByRole('row').filter({ hasText: 'Databricks personal access token' }).first();
  const path = (await row.getByRole('button').textContent())!;
  expect(positives.filter((p) => p.kind === 'databricks-token').map((p) => p.path)).toContain(path);
  await row.getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: 'Databricks personal access token' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(path);
  await expect(dialog.locator('code').first()).toHaveText(/^dapi••••••••[0-9a-f]{4}$/);
  await expect(dialog).toContainText('databricks secrets put-secret');
  // The line to paste reads the value from the scope: a lookup in code, a {{secrets/…}} reference for a shell cell.
  await expect(dialog).toContainText(/Replace line \d+ with/);
  await expect(dialog).toContainText(/dbutils\.secrets\.get\(|\{\{secrets\/data-science\//);
  await expect(page).toHaveURL(/[?&]finding=[a-f0-9]{32}/);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toHaveCount(0);

  // No response, log line or stored file holds a seeded credential.
  const places = [
    ...bodies.map((b, i) => ({ where: `response ${i}`, text: b })),
    { where: 'app server log', text: readFileSync(process.env.E2E_APP_LOG!, 'utf8') },
    ...filesUnder(process.env.E2E_DATA_DIR!).map((f) => ({ where: f, text: readFileSync(f).toString('latin1') })),
  ];
  expect(bodies.length).toBeGreaterThan(5);
  for (const p of positives) {
    // Long values are searched whole and by their middle (a truncated copy still leaks).
    const needles = [p.value, ...(p.value.length > 24 ? [p.value.slice(8, -8)] : [])];
    for (const place of places) for (const n of needles) expect(place.text.includes(n), `${p.kind} found in ${place.where}`).toBe(false);
  }
});
