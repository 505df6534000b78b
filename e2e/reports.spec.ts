// Weekly reports end to end: a manager finds last week's report (made at start-up for the week the schedule had
// missed), reads it and prints it, and still cannot open analyst pages; an admin generates one on demand on an
// instance configured with a webhook, and a receiver this test runs gets it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { lastCompleteWeek } from '../lib/reports/rules/week';
import { startApp, freePort, type AppServer } from '../testing/app-server';
import { authFile, personFor, workspace } from './support/fixtures';
import { signInByApi } from './support/sign-in';

const WEEK = lastCompleteWeek(new Date(), 'UTC');

/** The schedule's report for last week appears shortly after start-up (it is generated in the background). */
async function waitForScheduledReport(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/reports');
        if (!res.ok()) return `HTTP ${res.status()}`;
        const body = (await res.json()) as { reports: Array<{ week: string; generatedBy: string }> };
        return body.reports.some((r) => r.week === WEEK && r.generatedBy === 'schedule') ? 'ready' : 'waiting';
      },
      { timeout: 60_000, message: `the schedule's report for ${WEEK}` },
    )
    .toBe('ready');
}

test.describe('as a manager', () => {
  test.use({ storageState: authFile('manager') });

  test('opens last week’s report from the home page, reads it and prints it', async ({ page }) => {
    await waitForScheduledReport(page.request);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { name: 'Weekly reports', level: 1 })).toBeVisible();
    const report = page.getByRole('article', { name: `Weekly report ${WEEK}` });
    await expect(report.getByRole('heading', { name: new RegExp(`Week ${WEEK}`) })).toBeVisible();
    await expect(report.getByText(/generated .* by the schedule/i)).toBeVisible();
    const figures = report.getByRole('region', { name: 'Figures' });
    const failed = figures.getByRole('row', { name: /^Failed sign-ins/ });
    await expect(failed).toBeVisible();
    await expect(figures.getByRole('row', { name: /Posture score.*Not collected/ })).toBeVisible();
    // Managers see the figure and the sentence, not links into the Audit page they may not open.
    await expect(report.getByRole('link', { name: /Events behind/ })).toHaveCount(0);
    await expect(report.getByRole('region', { name: 'Summary' }).getByRole('listitem').first()).toBeVisible();

    const value = (await failed.getByRole('cell').first().innerText()).trim();
    expect(value).toMatch(/^[\d,]+$/);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(failed).toBeVisible();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The page tree's /Count is the number of pages.
    const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...counts), 'a one- or two-page PDF').toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts), 'a one- or two-page PDF').toBeLessThanOrEqual(2);
  });

  test('reads the same report through the API, without Audit links', async ({ request }) => {
    await waitForScheduledReport(request);
    const list = (await (await request.get('/api/reports')).json()) as { reports: Array<{ id: string; week: string }> };
    const id = list.reports.find((r) => r.week === WEEK)!.id;
    const res = await request.get(`/api/reports/${id}`);
    expect(res.status()).toBe(200);
    const report = (await res.json()) as { figures: Array<{ key: string; value: number | null; previous: number | null; link?: string }> };
    expect(report.figures.find((f) => f.key === 'failed_signins')).toMatchObject({
      value: expect.any(Number),
      previous: expect.any(Number),
    });
    expect(report.figures.some((f) => 'link' in f)).toBe(false);
    const csv = await request.get(`/api/reports/${id}?format=csv`);
    expect(csv.headers()['content-disposition']).toContain(`brickwatch-report-${WEEK}-v1.csv`);
    expect(await csv.text()).toContain('failed_signins,Failed sign-ins,');
  });

  test('cannot open analyst pages or generate a report', async ({ page, request, baseURL }) => {
    const audit = await page.goto('/audit');
    expect(audit?.status()).toBe(403);
    expect((await request.get('/api/audit/timeline?range=24h')).status()).toBe(403);
    expect((await request.post('/api/reports/weekly', { data: {}, headers: { Origin: baseURL! } })).status()).toBe(403);
    await page.goto('/reports');
    await expect(page.getByRole('button', { name: 'Generate now' })).toHaveCount(0);
  });
});

test.describe('as an admin, on an instance with a webhook', () => {
  test.describe.configure({ mode: 'serial' });
  const ws = workspace();
  let app: AppServer;
  let receiver: Server;
  const received: Array<{ text: string; blocks: unknown[] }> = [];

  const readJson = (req: IncomingMessage) =>
    new Promise<{ text: string; blocks: unknown[] }>((resolve, reject) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        try {
          resolve(JSON.parse(body) as { text: string; blocks: unknown[] });
        } catch (e) {
          reject(e as Error);
        }
      });
    });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const port = await freePort();
    receiver = createServer((req, res) => {
      void readJson(req).then((json) => {
        received.push(json);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    app = await startApp({
      workspace: ws,
      mode: 'service',
      logFile: join(__dirname, '..', 'test-results', 'e2e-reports-webhook.log'),
      extraEnv: { BRICKWATCH_REPORT_WEBHOOK_URL: `http://127.0.0.1:${port}/hooks/brickwatch-secret-path` },
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  /** A browser signed in to this instance (its session secret is its own, so the stored sessions do not work here). */
  async function adminPage(browser: Browser): Promise<Page> {
    const context = await browser.newContext({ baseURL: app.url });
    await signInByApi(context.request, personFor('admin').userName);
    return context.newPage();
  }

  test('generates a report on demand as a new version, and the webhook receives it', async ({ browser }) => {
    const page = await adminPage(browser);
    await page.goto('/reports');
    await expect(page.getByRole('region', { name: 'Schedule' }).getByText('http://127.0.0.1:')).toBeVisible();
    // The secret part of the URL is never shown.
    await expect(page.getByText('brickwatch-secret-path')).toHaveCount(0);
    await waitForScheduledReport(page.request);
    await page.getByRole('button', { name: 'Generate now' }).click();
    await expect(page.getByText(`Report for ${WEEK} generated (version 2).`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('article', { name: `Weekly report ${WEEK}` }).getByText('version 2')).toBeVisible();
    await expect(page).toHaveURL(/\/reports\?id=/);
    // The scheduled report and the admin's both reach the receiver.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    for (const message of received) {
      expect(message.text).toContain(`Brickwatch weekly report, ${WEEK}`);
      expect(message.text).toContain(`${app.url}/reports?id=`);
      expect(message.blocks.length).toBeGreaterThan(1);
      // The report carries the action log's verified head (or says the log is empty).
      expect(JSON.stringify(message.blocks)).toMatch(/action log (head #\d+ \S+|is empty)/);
    }
    // An analyst and up can follow a figure into the Audit page.
    await expect(page.getByRole('link', { name: 'Events behind failed sign-ins' })).toHaveAttribute(
      'href',
      /^\/audit\?from=.*&outcome=failure&category=signin$/,
    );
  });
});
