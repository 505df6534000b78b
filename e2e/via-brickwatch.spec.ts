// A change made through Brickwatch, followed from both ends: the audit log names only the service principal
// Brickwatch acts as (shown by its display name, the application id on hover); the Audit page says who made the
// change "via Brickwatch", linked to the Activity entry, which shows the token by its comment and owner.
import { expectAccessible } from './support/a11y';
import { authFile, personFor, workspace } from './support/fixtures';
import { expect, test } from './support/test';

test.use({ storageState: authFile('admin') });

const ws = workspace();

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ws.host}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ws.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

test('a revoke through Brickwatch reads as the person’s in Audit, and leads to its Activity entry', async ({ page }) => {
  const admin = personFor('admin');
  const comment = `e2e-via-${Date.now().toString(36)}`;
  const sps = await api<{ Resources: Array<{ applicationId: string; displayName: string; active?: boolean }> }>(
    'GET',
    '/api/2.0/preview/scim/v2/ServicePrincipals',
  );
  const sp = sps.Resources.find((s) => s.active !== false && s.applicationId !== ws.servicePrincipal.applicationId)!;
  const { token_info } = await api<{ token_info: { token_id: string } }>('POST', '/api/2.0/token-management/on-behalf-of/tokens', {
    application_id: sp.applicationId,
    lifetime_seconds: 20 * 86_400,
    comment,
  });
  const id = token_info.token_id;

  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/tokens/rotations')), page.goto(`/tokens?q=${comment}`)]);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('button', { name: `Revoke token ${id.slice(0, 8)}` }).click();
  await page.getByRole('dialog', { name: 'Revoke token?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText(`Revoked ${comment} (${sp.displayName})`)).toBeVisible();

  await page.goto('/audit?range=24h&service=accounts&action=revokeDbToken');
  const feed = page.getByRole('list', { name: 'Token events' });
  const event = feed.getByRole('listitem').filter({ hasText: id.slice(0, 12) });
  await expect(event).toHaveCount(1);
  // The service principal Brickwatch acts as, by name; the person who acted through it, linked.
  const brickwatch = (
    await api<{ Resources: Array<{ displayName: string }> }>(
      'GET',
      `/api/2.0/preview/scim/v2/ServicePrincipals?filter=${encodeURIComponent(`applicationId eq "${ws.servicePrincipal.applicationId}"`)}`,
    )
  ).Resources[0]!.displayName;
  await expect(event.getByTitle(`Service principal ${ws.servicePrincipal.applicationId}`)).toHaveText(new RegExp(`^${brickwatch}`));
  const via = event.getByRole('link', { name: admin.displayName });
  await expect(event.getByText(/^via Brickwatch by/)).toBeVisible();

  // The event's drawer says what the match rests on.
  await event.getByRole('button').click();
  const drawer = page.getByRole('dialog', { name: 'accounts.revokeDbToken' });
  await expect(drawer.getByText(/^Matched on same acting identity, action and object, \d+ s apart\./)).toBeVisible();
  await expect(drawer.getByText(`Service principal, application id ${ws.servicePrincipal.applicationId}`)).toBeVisible();
  await expectAccessible(page, 'the audit event drawer');
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();

  await via.click();
  await expect(page).toHaveURL(/\/activity\?entry=\d+$/);
  const entry = page.getByRole('dialog', { name: 'Revoke token' });
  await expect(entry.getByText(`${comment} · ${sp.displayName}`)).toBeVisible();
  await expect(entry.getByText(`token:${id}`)).toBeVisible();
  await expect(entry.getByText(/^Entry \d+ of \d+; it and every entry before it verify\.$/)).toBeVisible();
  await expect(entry.getByText(admin.userName)).toBeVisible();
  await expectAccessible(page, 'the activity entry drawer');
});
