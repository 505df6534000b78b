// The audit area's access as a person meets it (the status of every route per role is in access-matrix.spec.ts):
// managers get the 403 page and no nav link, and bad parameters a 400 that names the parameter and what to change.
import { expect, test } from './support/test';
import { authFile } from './support/fixtures';

test.describe('manager', () => {
  test.use({ storageState: authFile('manager') });

  test('gets the 403 page and no nav link', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' })).toHaveCount(0);
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: 'This page needs a higher Brickwatch role' })).toBeVisible();
  });
});

test.describe('analyst, bad input', () => {
  test.use({ storageState: authFile('analyst') });

  test('gets 400 naming the parameter', async ({ request }) => {
    const cases: Array<[string, string]> = [
      ['/api/audit/timeline?range=1y', 'Invalid query parameter "range": range must be one of 24h, 7d, 30d, 90d'],
      [
        '/api/audit/timeline?range=7d&from=2026-01-01T00:00:00Z',
        'Invalid query parameter "range": Give either range or from/to, not both.',
      ],
      [
        '/api/audit/timeline?range=90d&bucket=hour',
        'Invalid query parameter "bucket": Hourly buckets are available for windows up to 31 days; use bucket=day.',
      ],
      ['/api/audit/failed-auth?ip=10.0.0.1%27--', 'Invalid query parameter "ip": ip must be an IP address such as 203.0.113.7'],
      [
        '/api/audit/events?cursor=not-a-cursor!',
        'Invalid query parameter "cursor": The cursor or event reference is not valid; reload the list and try again.',
      ],
      ['/api/audit/events/AAAA', 'Invalid path segment "key": The cursor or event reference is not valid; reload the list and try again.'],
      ['/api/audit/export?outcome=maybe', 'Invalid query parameter "outcome": outcome must be success or failure'],
    ];
    for (const [path, message] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, path).toBe(message);
    }
  });
});
