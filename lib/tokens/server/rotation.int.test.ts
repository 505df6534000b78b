// Rotation against a started simulator, driving each failure path of issue 4 with the simulator's fault rules, and
// checking afterwards from the simulator's own token list that no token was lost or orphaned.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { listActions } from '@/lib/store/action-log';
import { getRotation, insertIntent, listRotations, saveSnapshot, type JournalEntry } from '@/lib/store/rotation-journal';
import { rotationComment } from '@/lib/tokens/rules/rotation-rules';
import { staticCredentials } from '@/lib/databricks/credentials';
import { RestClient } from '@/lib/databricks/rest-client';
import { currentUser } from '@/lib/databricks/api/scim';
import { confirmRotation, discardRotation, retryRotation, rotateToken } from './rotation';
import type { RotationContext } from './rotation-driver';
import { advanceRotations } from './rotation-worker';
import { activeServicePrincipal, createScope, startHarness, truth, type Harness } from '@/testing/tokens-harness';
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
/**
 * DESIGN.md invariant 4, checked against the simulator's tokens for every rotation in the journal: a completed
 * rotation left exactly its new token; a failed or undone one left the old token and nothing carrying its marker;
 * one waiting with "old token still active" left both.
 */
async function expectNothingLostOrOrphaned(h: Harness): Promise<void> {
  const tokens = await truth(h);
  const byMarker = (id: string) => [...tokens.values()].filter((t) => t.comment?.includes(`[bw-rot:${id}]`)).map((t) => t.token_id);
  const rotations = await listRotations(h.db, { limit: 500 });
  // A failed rotation keeps the old token, unless a later rotation of the same token completed and revoked it.
  const replaced = new Set(rotations.filter((r) => r.state === 'completed').map((r) => r.tokenId));
  for (const r of rotations) {
    const where = `rotation ${r.id} (${r.state})`;
    if (r.state === 'completed') {
      expect(tokens.has(r.tokenId), `${where}: old token revoked`).toBe(false);
      expect(byMarker(r.id), `${where}: exactly its new token exists`).toEqual([r.newTokenId]);
    } else if (r.state === 'failed' || r.state === 'rolled_back') {
      expect(tokens.has(r.tokenId) || replaced.has(r.tokenId), `${where}: old token kept`).toBe(true);
      expect(byMarker(r.id), `${where}: no token of this rotation left behind`).toEqual([]);
    } else if (r.state === 'old_active') {
      expect(tokens.has(r.tokenId), `${where}: old token still there`).toBe(true);
      expect(byMarker(r.id), `${where}: its new token exists`).toEqual([r.newTokenId]);
    }
  }
}

const toSecret = { kind: 'secret' as const, scope: 'ci', key: 'etl_token' };

/** Runs the background pass until the rotation satisfies `done` (settle windows are a second or two here). */
async function settle(ctx: RotationContext, id: string, done: (e: JournalEntry) => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await advanceRotations(ctx);
    const entry = (await getRotation(h.db, id))!;
    if (done(entry)) return entry;
    if (Date.now() > until) throw new Error(`rotation ${id} is still ${entry.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
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
      'tokens.rotate.write_secret:success',
      'tokens.rotate.revoke_old:success',
      'tokens.rotate:success',
    ]);
  });

  it("rotates the acting identity's own token and shows the value once; the value works, is stored nowhere, and the old token goes only on confirmation", async () => {
    const old = await ownToken();
    const { rotation, value } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: { kind: 'reveal' }, lifetimeDays: 7 });
    expect(rotation.outcome).toMatchObject({ status: 'awaiting_confirmation', oldToken: 'active', newToken: 'active', retry: 'confirm' });
    expect((await truth(h)).has(old)).toBe(true);
    const confirmed = await confirmRotation(h.admin.ctx, rotation.id);
    expect(confirmed.state).toBe('completed');
    expect((await truth(h)).has(old)).toBe(false);
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

  it('create answered 5xx: reconciled by marker through the settle window, nothing was made, nothing retried', async () => {
    const old = await spToken();
    const ctx = h.impatient({ timeoutMs: 10_000, settleMs: 1_000, confirmMs: 60_000 });
    await fault('POST /api/2.0/token-management/on-behalf-of/tokens -> 503 times=1');
    const { rotation } = await rotateToken(ctx, { tokenId: old, delivery: toSecret });
    expect(rotation).toMatchObject({ state: 'create_unknown', newTokenId: null, outcome: { status: 'verifying' } });
    await settle(ctx, rotation.id, (e) => e.state === 'failed');
    // One create, then only looks for its marker until the window closed: nothing created twice.
    const [create, ...rest] = await actionsFor(old);
    expect(create).toBe('tokens.rotate.create:failure');
    expect(new Set(rest)).toEqual(new Set(['tokens.rotate.reconcile:success', 'tokens.rotate:partial']));
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
      'a-crashed-instance',
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

/** The value the secret holds, read straight from the simulator, and whether it still signs in (a revoked one does not). */
async function secretHolds(scope: string, key: string): Promise<{ works: boolean; tokenId: string | null }> {
  const res = await h.setup.get('/api/2.0/secrets/get', z.object({ value: z.string() }), { query: { scope, key } });
  const value = Buffer.from(res.value, 'base64').toString('utf8');
  const works = await currentUser(new RestClient({ host: h.sim.sim.url, credentials: staticCredentials(value) })).then(
    () => true,
    () => false,
  );
  return { works, tokenId: createHash('sha256').update(value).digest('hex') };
}

describe('rotation: answers that never came (settle windows, confirmation, crashes)', () => {
  const quick = () => h.impatient({ timeoutMs: 1_500, settleMs: 6_000, confirmMs: 2_000 });

  it('shown once: the old token is revoked only on "I have stored it"; an unconfirmed value is revoked at the deadline', async () => {
    const ctx = quick();
    const old = await spToken('shown once');
    // The revoke of the old token would hang: it must not even be attempted before a confirmation.
    await fault('DELETE /api/2.0/token-management/tokens/* -> delay:3000 times=1');
    const { rotation, value } = await rotateToken(ctx, { tokenId: old, delivery: { kind: 'reveal' } });
    expect(value).not.toBeNull();
    expect(rotation).toMatchObject({ state: 'awaiting_confirmation', outcome: { status: 'awaiting_confirmation', oldToken: 'active' } });
    expect(rotation.deadline).toBeGreaterThan(Date.now());
    expect((await truth(h)).has(old)).toBe(true);
    await h.sim.control('DELETE', '/faults');
    const expired = await settle(ctx, rotation.id, (e) => e.state === 'rolled_back');
    expect(expired.rollbackCause).toBe('not_confirmed');
    const tokens = await truth(h);
    expect(tokens.has(old)).toBe(true);
    expect(tokens.has(rotation.newTokenId!)).toBe(false);
    await expect(confirmRotation(ctx, rotation.id)).rejects.toMatchObject({ code: 'ROTATION_FINISHED' });
  });

  it('shown once and discarded: the new token is revoked, the old kept; only the admin who saw it may confirm', async () => {
    const old = await spToken('discarded');
    const { rotation } = await rotateToken(h.admin.ctx, { tokenId: old, delivery: { kind: 'reveal' } });
    const someoneElse = { ...h.admin.ctx, person: { userName: 'priya.shah@harborpine.com', role: 'admin' as const } };
    await expect(confirmRotation(someoneElse, rotation.id)).rejects.toMatchObject({ kind: 'refused', code: 'NOT_YOUR_ROTATION' });
    const discarded = await discardRotation(someoneElse, rotation.id);
    expect(discarded).toMatchObject({ state: 'rolled_back', outcome: { newToken: 'revoked', oldToken: 'active' } });
    expect((await truth(h)).has(old)).toBe(true);
    expect(await actionsFor(old)).toContain('tokens.rotate.confirm:failure');
  });

  it('a secret write still in flight when its call timed out is waited for: it lands, the rotation finishes, the secret holds a working token', async () => {
    const ctx = quick();
    const old = await spToken('slow write');
    await fault('POST /api/2.0/secrets/put -> delay:3000 times=1');
    const { rotation } = await rotateToken(ctx, { tokenId: old, delivery: toSecret });
    expect(rotation).toMatchObject({ state: 'delivery_unknown', outcome: { status: 'verifying', oldToken: 'active', newToken: 'active' } });
    const done = await settle(ctx, rotation.id, (e) => e.state === 'completed');
    expect(done.newTokenId).toBe(rotation.newTokenId);
    expect(await secretHolds('ci', 'etl_token')).toEqual({ works: true, tokenId: rotation.newTokenId });
    expect((await truth(h)).has(old)).toBe(false);
  });

  it('a secret write that never lands is rolled back only after the settle window, and the secret is left alone', async () => {
    const ctx = quick();
    const old = await spToken('lost write');
    const before = await secretHolds('ci', 'etl_token');
    await fault('POST /api/2.0/secrets/put -> hang times=1');
    const { rotation } = await rotateToken(ctx, { tokenId: old, delivery: toSecret });
    expect(rotation.state).toBe('delivery_unknown');
    await advanceRotations(ctx);
    expect((await getRotation(h.db, rotation.id))!.state).toBe('delivery_unknown');
    const done = await settle(ctx, rotation.id, (e) => e.state === 'rolled_back');
    expect(done.rollbackCause).toBe('delivery_not_written');
    expect(done.updatedAt - done.createdAt).toBeGreaterThanOrEqual(6_000);
    expect(await secretHolds('ci', 'etl_token')).toEqual(before);
    expect((await truth(h)).has(old)).toBe(true);
  });

  it('a create that answers after its timeout leaves no orphan: the late token is found by its marker and revoked', async () => {
    const ctx = quick();
    const old = await spToken('slow create');
    await fault('POST /api/2.0/token-management/on-behalf-of/tokens -> delay:3000 times=1');
    const { rotation } = await rotateToken(ctx, { tokenId: old, delivery: toSecret });
    expect(rotation).toMatchObject({ state: 'create_unknown', outcome: { status: 'verifying', newToken: 'unknown' } });
    const done = await settle(ctx, rotation.id, (e) => e.state === 'rolled_back');
    expect(done).toMatchObject({ rollbackCause: 'orphan_after_timeout' });
    const left = [...(await truth(h)).values()].filter((t) => t.comment?.includes(`[bw-rot:${rotation.id}]`));
    expect(left).toEqual([]);
    expect((await truth(h)).has(old)).toBe(true);
  });

  it('an attempt that fails at the token lookup is in the action log, with who and the reason', async () => {
    const old = await spToken('lookup fails');
    await fault(`GET /api/2.0/token-management/tokens/${old} -> 500 times=1`);
    const e = await rotateToken(h.admin.ctx, { tokenId: old, delivery: toSecret }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'unavailable' });
    const [row] = await listActions(h.db, { target: `token:${old}` });
    expect(row).toMatchObject({ action: 'tokens.rotate', outcome: 'failure', actor: h.admin.userName, role: 'admin' });
    expect(row!.detail).toMatchObject({ reason: expect.stringMatching(/could not be read \(HTTP 500/) });
  });

  it('takes over at once from a holder that stopped beating (a crash), without waiting for its lease to run out', async () => {
    const old = await spToken('holder died');
    const id = 'dead-beat-0000-0001';
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
        newComment: rotationComment('holder died', id),
        actor: h.admin.userName,
        actingAs: h.admin.userName,
      },
      'an-instance-that-died',
      // Its lease would still run for 100 s, but its last heartbeat is 20 s old.
      Date.now() - 20_000,
    );
    // Taken over on the first pass: the create it may have sent is being reconciled now.
    const taken = await settle(h.admin.ctx, id, (e) => e.state !== 'intent', 5_000);
    expect(taken.state).toBe('create_unknown');
    expect(await actionsFor(old)).toEqual(['tokens.rotate.recover:partial', 'tokens.rotate.reconcile:success']);
  });
});
