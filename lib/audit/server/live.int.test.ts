// Changes made through the simulator — SQL grants, REST ACL changes, tokens, secrets, settings, failed token
// logins — must show up in the matching audit feed with who, what and on which object. Also: the warehouse's
// refusal for someone without access to system tables surfaces as its own error, never as an empty result.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditQuerySchema } from '@/lib/audit/contract';
import { loadSecretActivity, loadTokenActivity } from './activity';
import { loadFailedAuth } from './failed-auth';
import { loadConfigChanges, loadPermissionChanges } from './feeds';
import { ANALYSTS, startAuditHarness, waitForAuditEvent, type AuditHarness } from '@/testing/audit-harness';
import { loadTimeline } from './timeline';
import { DatabricksError } from '@/lib/databricks/errors';
import { emptyResponse } from '@/lib/databricks/schemas';
import { createOwnToken } from '@/lib/databricks/api/tokens';
import { listActions } from '@/lib/store/action-log';
import { actionLogKey } from '@/lib/store/action-log-key';
import { revokeTokens } from '@/lib/tokens/server/actions';

let h: AuditHarness;
beforeAll(async () => {
  h = await startAuditHarness();
});
afterAll(async () => h?.stop());

// Each test narrows to the admin as actor, which also gives it a cache key of its own.
const adminView = () => auditQuerySchema.parse({ range: '24h', actor: h.admin.actingAs.name });
const any = z.record(z.string(), z.unknown());

describe('live events reach the feeds', () => {
  it('shows the SQL grants that opened system.access.audit to the analysts', async () => {
    await waitForAuditEvent(
      h.analyst,
      { service: 'unityCatalog', action: 'updatePermissions' },
      (p) => p.securable_full_name === 'system.access.audit',
    );
    const feed = await loadPermissionChanges(h.analyst, adminView(), new Date(), h.store);
    const grant = feed.events.find((e) => e.object === 'table system.access.audit');
    expect(grant).toMatchObject({
      action: 'updatePermissions',
      change: `grant SELECT to ${ANALYSTS}`,
      actor: h.admin.actingAs.name,
      status: 200,
    });
    expect(feed.events.some((e) => e.object === 'catalog system' && e.change === `grant USE_CATALOG to ${ANALYSTS}`)).toBe(true);
  });

  it('shows a job ACL change with the job and the new permission', async () => {
    const jobs = await h.setup.get('/api/2.2/jobs/list', z.object({ jobs: z.array(z.object({ job_id: z.number() })) }));
    const jobId = String(jobs.jobs[0]!.job_id);
    await h.setup.call('PATCH', `/api/2.0/permissions/jobs/${jobId}`, any, {
      body: { access_control_list: [{ group_name: ANALYSTS, permission_level: 'CAN_VIEW' }] },
    });
    await waitForAuditEvent(h.analyst, { service: 'jobs', action: 'changeJobAcl' }, (p) => p.resourceId === jobId);
    const feed = await loadPermissionChanges(h.analyst, auditQuerySchema.parse({ range: '24h', service: 'jobs' }), new Date(), h.store);
    expect(feed.events[0]).toMatchObject({ object: `job ${jobId}`, change: `CAN_VIEW for ${ANALYSTS}`, action: 'changeJobAcl' });
  });

  it('shows a token created with its lifetime, then revoked', async () => {
    const created = await h.setup.call('POST', '/api/2.0/token/create', z.object({ token_info: z.object({ token_id: z.string() }) }), {
      body: { lifetime_seconds: 3 * 86_400, comment: 'audit-int' },
    });
    const tokenId = created.data.token_info.token_id;
    await h.setup.call('POST', '/api/2.0/token/delete', emptyResponse, { body: { token_id: tokenId } });
    await waitForAuditEvent(h.analyst, { service: 'accounts', action: 'revokeDbToken' }, () => true);
    const t = await loadTokenActivity(h.analyst, auditQuerySchema.parse({ range: '24h', category: 'tokens' }), new Date(), h.store);
    const mine = t.events.filter((e) => e.object.startsWith(`token ${tokenId.slice(0, 12)}`));
    expect(mine.map((e) => e.change)).toEqual(expect.arrayContaining(['revoked', 'created, 3-day lifetime']));
    expect(t.created.total).toBeGreaterThanOrEqual(1);
  });

  it('says who revoked a token through Brickwatch, matched on identity, action, object and time, never on a request id', async () => {
    const created = await createOwnToken(h.admin.rest, { lifetimeSeconds: 86_400, comment: 'via-int' });
    const tokenId = created.info.token_id;
    const ctx = {
      ws: h.admin,
      person: { userName: 'alex.morgan@harborpine.com', role: 'admin' as const },
      requestId: 'rq-via',
      db: h.store.db,
      logKey: actionLogKey('audit-integration-action-log-key-0123456789'),
    };
    await revokeTokens(ctx, [tokenId]);
    // A revoke made straight against Databricks by the same identity is not Brickwatch's.
    const direct = await createOwnToken(h.admin.rest, { lifetimeSeconds: 86_400, comment: 'direct-int' });
    await h.setup.call('DELETE', `/api/2.0/token-management/tokens/${direct.info.token_id}`, emptyResponse);
    await waitForAuditEvent(h.analyst, { service: 'accounts', action: 'revokeDbToken' }, (p) => p.tokenHash === direct.info.token_id);
    const t = await loadTokenActivity(h.admin, auditQuerySchema.parse({ range: '24h', action: 'revokeDbToken' }), new Date(), h.store);
    const revoked = t.events.find((e) => e.object.startsWith(`token ${tokenId.slice(0, 12)}`));
    const [row] = await listActions(h.store.db, { target: `token:${tokenId}` });
    expect(revoked?.via).toEqual({
      seq: row!.seq,
      person: 'alex.morgan@harborpine.com',
      personName: 'Alex Morgan',
      basis: expect.stringMatching(/^same acting identity, action and object, \d+ s apart$/),
    });
    // The audit log's request id is its own: the match never rests on it.
    expect(row!.upstreamRequestId).toBeTruthy();
    expect(t.events.find((e) => e.object.startsWith(`token ${direct.info.token_id.slice(0, 12)}`))?.via).toBeUndefined();
  });

  it('shows secret writes and ACL changes, and counts reads per scope', async () => {
    const scope = `audit-int-${randomBytes(3).toString('hex')}`;
    await h.setup.call('POST', '/api/2.0/secrets/scopes/create', emptyResponse, { body: { scope } });
    await h.setup.call('POST', '/api/2.0/secrets/put', emptyResponse, {
      body: { scope, key: 'db-password', string_value: 'never-in-the-log' },
    });
    await h.setup.call('POST', '/api/2.0/secrets/acls/put', emptyResponse, { body: { scope, principal: ANALYSTS, permission: 'READ' } });
    await h.setup.get(`/api/2.0/secrets/get?scope=${scope}&key=db-password`, any);
    await waitForAuditEvent(h.analyst, { service: 'secrets', action: 'getSecret' }, (p) => p.scope === scope);
    const s = await loadSecretActivity(h.analyst, adminView(), new Date(), h.store);
    const changes = s.events.filter((e) => e.object.includes(scope)).map((e) => `${e.object}: ${e.change}`);
    expect(changes).toEqual(
      expect.arrayContaining([`secret ${scope}/db-password: written`, `scope ${scope}: ${ANALYSTS} given READ`, `scope ${scope}: created`]),
    );
    expect(s.readers.find((r) => r.scope === scope)).toMatchObject({ reads: 1, keys: 1, denied: 0 });
    expect(JSON.stringify(s)).not.toContain('never-in-the-log');
  });

  it('shows workspace-conf edits and IP access list changes', async () => {
    await h.setup.call('PATCH', '/api/2.0/workspace-conf', emptyResponse, { body: { maxTokenLifetimeDays: '60' } });
    await h.setup.call('POST', '/api/2.0/ip-access-lists', any, {
      body: { label: 'audit-int', list_type: 'ALLOW', ip_addresses: ['198.51.100.7'] },
    });
    await waitForAuditEvent(h.analyst, { service: 'accounts', action: 'createIpAccessList' }, () => true);
    const c = await loadConfigChanges(h.analyst, adminView(), new Date(), h.store);
    expect(c.events.map((e) => e.change)).toContain('maxTokenLifetimeDays = 60');
    expect(c.events.some((e) => e.action === 'createIpAccessList')).toBe(true);
  });

  it('counts a burst of failed token logins from one address', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${h.sim.sim.url}/api/2.0/token/list`, {
        headers: { Authorization: `Bearer dapi${randomBytes(16).toString('hex')}` },
      });
      expect(res.status).toBe(403);
    }
    await waitForAuditEvent(h.analyst, { service: 'accounts', action: 'tokenLogin', outcome: 'failure', ip: '127.0.0.1' }, () => true);
    const f = await loadFailedAuth(h.analyst, auditQuerySchema.parse({ range: '24h', ip: '127.0.0.1', action: 'tokenLogin' }), new Date());
    expect(f.topIps[0]).toMatchObject({ ip: '127.0.0.1' });
    expect(f.topIps[0]!.failures).toBeGreaterThanOrEqual(12);
    expect(f.topAccounts[0]!.account).toBe('(unknown)');
  });
});

describe('access to the audit table', () => {
  it('is refused to someone never granted it, as an error rather than an empty timeline', async () => {
    const nobody = await h.signIn(null);
    const refused = await loadTimeline(nobody, auditQuerySchema.parse({ range: '24h' }), new Date()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabricksError);
    expect((refused as DatabricksError).errorCode).toBe('INSUFFICIENT_PERMISSIONS');
  });
});
