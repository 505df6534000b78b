// Rotation against a started simulator, driving each failure path of issue 4 with the simulator's fault rules, and
// checking afterwards from the simulator's own token list that no token was lost or orphaned.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { listActions } from '@/lib/store/action-log';
import { getRotation, insertIntent, saveSnapshot } from '@/lib/store/rotation-journal';
import { rotationComment } from '@/lib/tokens/rules/rotation-rules';
import { staticCredentials } from '@/lib/databricks/credentials';
import { RestClient } from '@/lib/databricks/rest-client';
import { currentUser } from '@/lib/databricks/api/scim';
import { retryRotation, rotateToken } from './rotation';
import {
  activeServicePrincipal,
  createScope,
  expectNothingLostOrOrphaned,
  startHarness,
  truth,
  type Harness,
} from '@/testing/tokens-harness';
import { createOnBehalfOf, createOwnToken, getToken } from '@/lib/databricks/api/tokens';

let h: Harness;
let sp: { applicationId: string; id: string };
const LIFETIME = 20 * 86_400;

beforeAll(async () => {
  h = await startHarness();
  sp = await activeServicePrincipal(h);
  await createScope(h, 'ci');
});
afterAll(async () => h?.stop());
beforeEach(async () => {
  await h.sim.control('DELETE', '/faults');
});
afterEach(async () => {
  await h.sim.control('DELETE', '/faults');
  await expectNothingLostOrOrphaned(h);
});

const spToken = async (comment = 'nightly ETL') =>
  (await createOnBehalfOf(h.setup, { applicationId: sp.applicationId, lifetimeSeconds: LIFETIME, comment })).info.token_id;
const ownToken = async (comment = 'deploy key') =>
  (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: LIFETIME, comment })).info.token_id;
const fault = (spec: string) => h.sim.control('POST', '/faults', { spec });
const toSecret = { kind: 'secret' as const, scope: 'ci', key: 'etl_token' };
const actionsFor = async (tokenId: string) =>
  (await listActions(h.db, { target: `token:${tokenId}`, limit: 100 })).map((a) => `${a.action}:${a.outcome}`).reverse();

describe('rotation: the paths that work', () => {
  it('does not take an unexplained 404 on the old token for "already revoked": it keeps waiting with the old token active', async () => {
    const old = await spToken('404 check');
    await fault(`DELETE /api/2.0/token-management/tokens/${old} -> 404:ENDPOINT_NOT_FOUND times=1`);
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.state).toBe('old_active');
    expect((await truth(h)).has(old)).toBe(true);
    expect(await actionsFor(old)).toContain('tokens.rotate.revoke_old:failure');
    expect((await retryRotation(h.admin.ctx, rotation.id)).state).toBe('completed');
  });

  it("rotates a service principal's token on its behalf into a secret, then revokes the old one", async () => {
    const old = await spToken();
    const { rotation, value } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.outcome.status).toBe('completed');
    expect(value).toBeNull();
    const tokens = await truth(h);
    expect(tokens.has(old)).toBe(false);
    const created = tokens.get(rotation.newTokenId!)!;
    expect(created.owner_id).toBe(sp.id);
    expect(created.comment).toBe(rotationComment('nightly ETL', rotation.id));
    expect(await actionsFor(old)).toEqual([
      'tokens.rotate.create:success',
      'tokens.rotate.deliver:success',
      'tokens.rotate.revoke_old:success',
      'tokens.rotate:success',
    ]);
  });

  it("rotates the acting identity's own token and shows the value once; the value works and is stored nowhere", async () => {
    const old = await ownToken();
    const { rotation, value } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: { kind: 'reveal' }, lifetimeDays: 7 });
    expect(rotation.outcome.status).toBe('completed');
    const secret = value!.reveal();
    expect(secret).toMatch(/^dapi[0-9a-f]{32}$/);
    expect(JSON.stringify({ value })).not.toContain(secret);
    const me = await currentUser(new RestClient({ host: h.sim.sim.url, credentials: staticCredentials(secret) }));
    expect(me.userName).toBe(h.admin.userName);
    const info = (await truth(h)).get(rotation.newTokenId!)!;
    expect(Math.round((info.expiry_time! - info.creation_time!) / 86_400_000)).toBe(7);
    const stored = JSON.stringify([await h.db.all('SELECT * FROM rotation_journal'), await h.db.all('SELECT * FROM action_log')]);
    expect(stored).not.toContain(secret);
  });

  it('retries a secret write whose answer was dropped (the write is idempotent) and completes', async () => {
    const old = await spToken();
    await fault('POST /api/2.0/secrets/put -> drop times=1');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.outcome.status).toBe('completed');
  });
});

describe('rotation: every failure path of issue 4', () => {
  it('create fails: old token untouched, clear error, no new token', async () => {
    const old = await spToken();
    const before = (await truth(h)).size;
    await fault('POST /api/2.0/token-management/on-behalf-of/tokens -> 400:QUOTA_EXCEEDED times=1');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.state).toBe('failed');
    expect(rotation.outcome.message).toMatch(
      /^Rotation failed \(HTTP 400 QUOTA_EXCEEDED: .+\)\. No new token exists and the old token is unchanged\.$/,
    );
    expect((await truth(h)).size).toBe(before);
    expect(await getToken(h.setup, old)).not.toBeNull();
  });

  it('create answered 5xx: reconciled by marker before anything else, nothing was made, nothing retried', async () => {
    const old = await spToken();
    await fault('POST /api/2.0/token-management/on-behalf-of/tokens -> 503 times=1');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation).toMatchObject({ state: 'failed', newTokenId: null });
    expect(await actionsFor(old)).toEqual(['tokens.rotate.create:failure', 'tokens.rotate.reconcile:success', 'tokens.rotate:failure']);
  });

  it('create response dropped: the token made upstream is found by its marker and revoked, no duplicate; a new attempt then succeeds', async () => {
    const old = await ownToken('dropped create');
    await fault('POST /api/2.0/token/create -> drop times=1');
    const first = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(first.rotation).toMatchObject({ state: 'rolled_back', outcome: { status: 'failed', newToken: 'revoked', oldToken: 'active' } });
    expect(first.rotation.newTokenId).not.toBeNull();
    expect((await truth(h)).has(first.rotation.newTokenId!)).toBe(false);
    const second = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(second.rotation.state).toBe('completed');
  });

  it('revoke of the old token fails: "rotated, old token still active", then the retried revoke finishes it', async () => {
    const old = await spToken();
    await fault(`DELETE /api/2.0/token-management/tokens/${old} -> 500 times=1`);
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.outcome).toMatchObject({ status: 'partial', oldToken: 'active', newToken: 'active', retry: 'revoke_old' });
    expect(rotation.outcome.message).toMatch(/^Rotated, old token still active/);
    const both = await truth(h);
    expect(both.has(old) && both.has(rotation.newTokenId!)).toBe(true);
    await expectNothingLostOrOrphaned(h);
    const retried = await retryRotation(h.admin.ctx, rotation.id);
    expect(retried.state).toBe('completed');
    expect((await truth(h)).has(old)).toBe(false);
  });

  it('secret write fails: the new token is revoked again and the old one stays', async () => {
    const old = await spToken();
    await fault('POST /api/2.0/secrets/put -> 403:PERMISSION_DENIED times=1');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.state).toBe('rolled_back');
    expect(rotation.outcome).toMatchObject({ status: 'failed', oldToken: 'active', newToken: 'revoked' });
    expect(rotation.outcome.message).toMatch(/could not be written to the secret \(HTTP 403 PERMISSION_DENIED/);
    expect(await getToken(h.setup, old)).not.toBeNull();
  });

  it('secret scope missing (a real 404, no fault): same rollback', async () => {
    const old = await spToken();
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: { kind: 'secret', scope: 'no-such-scope', key: 'k' } });
    expect(rotation.outcome).toMatchObject({ status: 'failed', newToken: 'revoked', oldToken: 'active' });
  });

  it('secret write fails and so does the rollback: needs attention, then the retry revokes the unused new token', async () => {
    const old = await spToken();
    await fault('POST /api/2.0/secrets/put -> 400:INVALID_PARAMETER_VALUE times=1');
    await fault('DELETE /api/2.0/token-management/tokens/* -> 503 times=1');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.outcome).toMatchObject({ status: 'needs_attention', retry: 'revoke_new', oldToken: 'active' });
    expect((await truth(h)).has(rotation.newTokenId!)).toBe(true);
    const retried = await retryRotation(h.admin.ctx, rotation.id);
    expect(retried.state).toBe('rolled_back');
  });

  it('two admins rotating the same token at once: one rotates, the other gets 409', async () => {
    const old = await spToken();
    await fault('POST /api/2.0/token-management/on-behalf-of/tokens -> delay:400 times=1');
    const results = await Promise.allSettled([
      rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret }),
      rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret }),
    ]);
    const done = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(DomainError);
    expect(refused[0]!.reason).toMatchObject({ kind: 'conflict', code: 'ROTATION_IN_PROGRESS' });
    expect(await actionsFor(old)).toContain('tokens.rotate:failure');
  });

  it('a rotation interrupted after create (crash) is recovered by the next rotation of that token: the unusable new token is revoked first', async () => {
    const old = await spToken('crashed');
    const id = 'crash-0000-0000-0001';
    await insertIntent(
      h.db,
      {
        id,
        tokenId: old,
        ownerId: sp.id,
        ownerName: null,
        method: 'on_behalf_of',
        applicationId: sp.applicationId,
        delivery: 'secret',
        secretScope: 'ci',
        secretKey: 'etl_token',
        lifetimeDays: 20,
        newComment: rotationComment('crashed', id),
        actor: h.admin.userName,
        actingAs: h.admin.userName,
      },
      Date.now() - 600_000,
    );
    const orphan = (
      await createOnBehalfOf(h.admin.ws.rest, {
        applicationId: sp.applicationId,
        lifetimeSeconds: LIFETIME,
        comment: rotationComment('crashed', id),
      })
    ).info.token_id;
    await saveSnapshot(
      h.db,
      id,
      { state: 'created', newTokenId: orphan, rollbackCause: null, lastError: null },
      { now: Date.now() - 600_000 },
    );
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.state).toBe('completed');
    expect(await getRotation(h.db, id)).toMatchObject({ state: 'rolled_back', rollbackCause: 'interrupted' });
    expect((await truth(h)).has(orphan)).toBe(false);
  });
});

describe('rotation: what may be rotated', () => {
  it("refuses another person's token with the reason, and logs the attempt", async () => {
    const tokens = await truth(h);
    const others = [...tokens.values()].find(
      (t) => t.owner_id !== undefined && t.created_by_username !== h.admin.userName && t.created_by_id === t.owner_id,
    );
    const e = await rotateToken(h.admin.ctx, { tokenId: others!.token_id, delivery: toSecret }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'refused', code: 'NOT_ROTATABLE' });
    expect((e as Error).message).toMatch(/^Databricks does not let anyone create a token for another person/);
    expect(await actionsFor(others!.token_id)).toEqual(['tokens.rotate:failure']);
  });

  it('refuses a lifetime above 90 days without override', async () => {
    const old = await spToken();
    const e = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret, lifetimeDays: 200 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'invalid', code: 'INVALID_LIFETIME' });
  });
});
