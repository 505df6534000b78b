// The audit page as an analyst uses it: narrow to failed sign-ins over the last 7 days, see the seeded burst
// (its source among the top IPs, a spike marked), open one event, and get the same view back after a reload.
// (The seeded estate grants system.access.audit to the admins group, which Brickwatch's service principal is in.)
import { expect, test } from './support/test';
import { SEED_IPS } from '../simulator/seed/settings';
import { authFile, simControl, workspace } from './support/fixtures';

test.use({ storageState: authFile('analyst') });

test('an analyst narrows to failed sign-ins in the last 7 days, opens an event, and a reload keeps the view', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Events over time' })).toBeVisible();

  const week = page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: '7 d' });
  await week.click();
  await expect(week).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]range=7d/);
  const filters = page.getByRole('form', { name: 'Audit filters' });
  await filters.getByLabel('Category').selectOption('signin');
  await filters.getByLabel('Outcome').selectOption('failure');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/range=7d&outcome=failure&category=signin/);

  const panel = (title: string) => page.locator('section', { has: page.getByRole('heading', { name: title, exact: true }) });
  const failed = panel('Failed authentication');
  const topIps = failed.getByRole('table', { name: 'Top source IPs' });
  await expect(topIps.getByRole('rowheader').first()).toBeVisible();
  const shown = await topIps.getByRole('rowheader').allInnerTexts();
  expect(shown.some((ip) => SEED_IPS.attackers.includes(ip.trim()))).toBe(true);
  await expect(failed.getByRole('list', { name: 'Spikes' }).getByText('Spike').first()).toBeVisible();

  const explorer = panel('Event explorer');
  const firstRow = explorer.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row').nth(1);
  await expect(firstRow).toContainText('Sign-in');
  await expect(firstRow).toContainText(/failed \(\d{3}\)/);
  await firstRow.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Request parameters' })).toBeVisible();
  await expect(dialog.getByText(/^failed \(\d{3}\)$/)).toBeVisible();
  const title = await dialog.getByRole('heading', { level: 2 }).first().innerText();
  await expect(page).toHaveURL(/[?&]event=[A-Za-z0-9_-]+/);
  const url = page.url();

  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByRole('dialog').getByRole('heading', { level: 2 }).first()).toHaveText(title);
  await expect(page.getByRole('dialog').getByRole('heading', { name: 'Request parameters' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(page).not.toHaveURL(/event=/);
  await expect(page.getByRole('form', { name: 'Audit filters' }).getByLabel('Category')).toHaveValue('signin');
  await expect(page.getByRole('form', { name: 'Audit filters' }).getByLabel('Outcome')).toHaveValue('failure');
});

test('dragging across the timeline zooms into that range, in the URL, and Back returns to the week', async ({ page }) => {
  await page.goto('/audit?range=7d');
  const chart = page.getByRole('group', { name: 'Audit events per hour by category' });
  await expect(chart).toBeVisible();
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/[?&]from=[^&]+&to=[^&]+/);
  expect(page.url()).not.toContain('range=');
  await expect(page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: 'Custom' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText(/^Custom range: /)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/[?&]range=7d/);
  await expect(page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: '7 d' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('when the SQL warehouse fails, every panel says what was not collected instead of an empty all-clear', async ({ page }) => {
  const ws = workspace();
  await simControl(ws, 'POST', '/faults', { spec: 'POST /sql/** -> 503:TEMPORARILY_UNAVAILABLE' });
  try {
    const browserReads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/audit/')) browserReads.push(r.url());
    });
    // A view nobody has loaded, so no earlier result is reused.
    await page.goto(`/audit?range=24h&actor=degraded-${Date.now()}`);
    const notices = page.getByText(/^Not collected — /);
    // Each statement retries a busy warehouse within its own 5 s budget, and some panels run two statements in turn.
    await expect(notices).toHaveCount(7, { timeout: 40_000 });
    for (const what of [
      'the timeline',
      'failed authentication',
      'permission changes',
      'token lifecycle',
      'secret activity',
      'configuration changes',
      'the event explorer',
    ]) {
      await expect(page.getByText(`Not collected — ${what}:`)).toBeVisible();
    }
    await expect(page.getByText(/TEMPORARILY_UNAVAILABLE/).first()).toBeVisible();
    await expect(page.getByText(/^No failed sign-ins/)).toHaveCount(0);
    // The reasons came with the page (no server-render error, no second round of reads from the browser).
    expect(browserReads).toEqual([]);
  } finally {
    await simControl(ws, 'DELETE', '/faults');
  }
});

test('a custom range starts at the view on screen, and one that cannot be shown says why beside its field', async ({ page }) => {
  await page.goto('/audit?range=24h');
  await page.getByRole('group', { name: 'Time range' }).getByRole('button', { name: 'Custom' }).click();
  const form = page.getByRole('form', { name: 'Custom time range' });
  const from = form.getByLabel('From (UTC)');
  const to = form.getByLabel('To (UTC)');
  const [start, end] = [await from.inputValue(), await to.inputValue()];
  expect(Date.parse(`${end}:00Z`) - Date.parse(`${start}:00Z`)).toBe(24 * 3_600_000);

  await from.fill(end);
  await to.fill(start);
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(form.getByText('From must be before To.')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/[?&]range=24h/);
  await from.fill(start);
  await to.fill(end);
  await expect(form.getByText('From must be before To.')).toHaveCount(0);
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/[?&]from=[^&]+&to=[^&]+/);
});

test('a link holding a value the page cannot use says so beside the field instead of showing the default quietly', async ({ page }) => {
  await page.goto('/audit?range=24h&ip=10.0.0.0/8');
  const filters = page.getByRole('form', { name: 'Audit filters' });
  await expect(filters.getByLabel('Source IP')).toHaveValue('10.0.0.0/8');
  await expect(filters.getByText('Source IP must be an IP address such as 203.0.113.7')).toBeVisible();
  await expect(page.getByText(/^Part of this link could not be used, so the page shows the last 24 hours without it/)).toBeVisible();
  await filters.getByLabel('Source IP').fill('10.0.0.7');
  await expect(filters.getByText(/^Source IP must be/)).toHaveCount(0);

  await page.goto('/audit?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z');
  const range = page.getByRole('form', { name: 'Custom time range' });
  await expect(range.getByText('From must be before To, and in the past.')).toBeVisible();
  await expect(range.getByLabel('From (UTC)')).toHaveValue('2026-11-21T00:00');
});
