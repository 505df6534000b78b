// The tokens list and the non-rotation actions against a started simulator: owners via SCIM, shared-use from the
// audit table through the real SQL driver, the policy, the honest "own tokens only" view, caching, revoke and policy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActions } from '@/lib/store/action-log';
import { DEFAULT_TOKEN_FILTERS } from '@/lib/tokens/contract';
import { decodeTokenRows } from '@/lib/tokens/rules/wire';
import { invalidateTokenReads } from './cache';
import { loadTokenInventory } from './inventory';
import { revokeTokens, setTokenPolicy } from './actions';
import { tokenListView } from './list';
import { personWithRole, signIn, startHarness, truth, type Harness } from '@/testing/tokens-harness';
import { createOwnToken, getTokenConf } from '@/lib/databricks/api/tokens';
import { loadSharedTokenUsage } from './usage';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

interface Logged {
  method: string;
  path: string;
}
const upstreamCalls = async () =>
  (await h.sim.control<{ requests: Logged[] }>('GET', '/requests?limit=1000')).requests.filter((r) => !r.path.startsWith('/oidc/'));

describe('token inventory as a workspace admin', () => {
  it('lists every token with owners resolved, sharing from the audit log and the policy', async () => {
    invalidateTokenReads(h.admin.ws.host, ['tokens', 'directory', 'usage', 'conf', 'permissions']);
    const inv = await loadTokenInventory(h.admin.ws);
    expect(inv.scope).toBe('workspace');
    expect(inv.notices).toEqual([]);
    expect(inv.records.length).toBe((await truth(h)).size);
    expect(inv.records.every((r) => r.owner.status !== 'unknown')).toBe(true);
    expect(inv.records.some((r) => r.owner.status === 'deactivated')).toBe(true);
    expect(inv.records.some((r) => r.owner.kind === 'service_principal')).toBe(true);
    expect(inv.usage).not.toBeNull();
    expect(inv.usage!.size).toBeGreaterThan(0);
    const shared = inv.records.filter((r) => inv.usage!.has(r.tokenId));
    expect(shared.length).toBeGreaterThan(0);
    expect(inv.policy.confCollected).toBe(true);
    expect(inv.policy.creators?.length).toBeGreaterThan(0);
  });

  it('runs the shared-use aggregate in the warehouse and returns only tokens over a threshold', async () => {
    const usage = await loadSharedTokenUsage(h.admin.ws.sql, Date.now());
    const known = await truth(h);
    // The seeded estate has live tokens used from many addresses in the last 30 days.
    expect([...usage.keys()].filter((id) => known.has(id)).length).toBeGreaterThan(0);
    for (const u of usage.values()) expect(u.distinctIps >= 5 || u.distinctClients >= 3).toBe(true);
  });

  it('answers the list from cache within its TTL: the second view costs no upstream call', async () => {
    invalidateTokenReads(h.admin.ws.host, ['tokens', 'directory', 'usage', 'conf', 'permissions']);
    await h.sim.control('DELETE', '/requests');
    const first = (await tokenListView(h.admin.ws, DEFAULT_TOKEN_FILTERS)).data;
    const calls = await upstreamCalls();
    // token management, SCIM Users and ServicePrincipals (one page each at demo scale), workspace-conf, permissions;
    // /Me may be cached from earlier tests; the SQL warehouse calls are Thrift RPCs.
    const rest = calls.filter((c) => c.path.startsWith('/api/'));
    expect(rest.length).toBeLessThanOrEqual(6);
    await h.sim.control('DELETE', '/requests');
    const second = (await tokenListView(h.admin.ws, { ...DEFAULT_TOKEN_FILTERS, risk: ['high'] })).data;
    expect(await upstreamCalls()).toEqual([]);
    const rows = decodeTokenRows(second.tokens, second.generatedAt);
    expect(rows.length).toBe(first.summary.byRisk.high);
    expect(rows.every((r) => r.risk === 'high' && r.reasons.length > 0)).toBe(true);
  });
});

describe('token inventory for someone who is not a workspace admin', () => {
  it('says plainly that only their own tokens are listed, and what was not collected', async () => {
    const analyst = personWithRole(h.sim, 'analyst');
    const ws = await signIn(h.sim, h.config, analyst);
    await createOwnToken(ws.rest, { lifetimeSeconds: 86_400 * 10, comment: 'analyst laptop' });
    const inv = await loadTokenInventory(ws);
    expect(inv.scope).toBe('own');
    expect(inv.notices.map((n) => n.code)).toEqual(expect.arrayContaining(['own_tokens_only', 'policy_unavailable']));
    expect(inv.notices.find((n) => n.code === 'own_tokens_only')?.message).toMatch(/not the whole workspace/);
    expect(inv.records.length).toBeGreaterThan(0);
    expect(inv.records.every((r) => r.owner.name === analyst)).toBe(true);
    expect(inv.policy.confCollected).toBe(false);
    expect(inv.policy.findings).toEqual([]);
    // Built again from cached reads, it still says so.
    expect((await loadTokenInventory(ws)).scope).toBe('own');
  });
});

describe('revoke and policy actions', () => {
  it('believes a 404 only when Databricks says the token does not exist; otherwise it checks, and the token stays', async () => {
    for (const answer of ['404:ENDPOINT_NOT_FOUND', 'proxy:404']) {
      const a = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: `revoke ${answer}` })).info.token_id;
      await h.sim.control('POST', '/faults', { spec: `DELETE /api/2.0/token-management/tokens/${a} -> ${answer} times=1` });
      const [result] = await revokeTokens(h.admin.ctx, [a]);
      expect(result, answer).toMatchObject({ tokenId: a, status: 'failed' });
      expect((await truth(h)).has(a), `${answer}: the token still works`).toBe(true);
      expect((await listActions(h.db, { target: `token:${a}` }))[0], answer).toMatchObject({ action: 'tokens.revoke', outcome: 'failure' });
      await revokeTokens(h.admin.ctx, [a]);
    }
    await h.sim.control('DELETE', '/faults');
  });

  it('revokes many tokens, counts an already revoked one as done, and logs each', async () => {
    const a = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: 'bulk a' })).info.token_id;
    const b = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: 'bulk b' })).info.token_id;
    await revokeTokens(h.admin.ctx, [b]);
    const results = await revokeTokens(h.admin.ctx, [a, b]);
    expect(results).toEqual([
      { tokenId: a, status: 'revoked', message: null },
      { tokenId: b, status: 'already_gone', message: null },
    ]);
    const tokens = await truth(h);
    expect(tokens.has(a) || tokens.has(b)).toBe(false);
    expect((await listActions(h.db, { target: `token:${a}` }))[0]).toMatchObject({
      action: 'tokens.revoke',
      outcome: 'success',
      actor: h.admin.userName,
    });
  });

  it('names a revoked token in the action log as the list showed it: comment and owner', async () => {
    const id = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: 'named in the log' })).info.token_id;
    await tokenListView(h.admin.ws, DEFAULT_TOKEN_FILTERS, { fresh: true });
    await revokeTokens(h.admin.ctx, [id]);
    const [row] = await listActions(h.db, { target: `token:${id}` });
    expect(row!.detail).toMatchObject({ comment: 'named in the log', owner: expect.any(String) });
  });

  it('reports a failed revoke without stopping the others', async () => {
    const a = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: 'bulk c' })).info.token_id;
    const b = (await createOwnToken(h.admin.ws.rest, { lifetimeSeconds: 86_400, comment: 'bulk d' })).info.token_id;
    await h.sim.control('POST', '/faults', { spec: `DELETE /api/2.0/token-management/tokens/${a} -> 500 times=1` });
    const results = await revokeTokens(h.admin.ctx, [a, b]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'revoked']);
    expect(results[0]!.message).toMatch(/^Databricks refused: HTTP 500/);
    expect((await listActions(h.db, { target: `token:${a}` }))[0]).toMatchObject({ outcome: 'failure' });
    await h.sim.control('DELETE', '/faults');
  });

  it('sets the maximum lifetime of new tokens and logs the change from → to', async () => {
    const before = (await getTokenConf(h.setup)).maxTokenLifetimeDays;
    const change = await setTokenPolicy(h.admin.ctx, 45);
    expect(change.to).toBe(45);
    expect((await getTokenConf(h.setup)).maxTokenLifetimeDays).toBe('45');
    expect((await listActions(h.db, { target: 'workspace-conf:maxTokenLifetimeDays' }))[0]).toMatchObject({
      action: 'tokens.policy.set',
      outcome: 'success',
      detail: { to: 45 },
    });
    if (before) await setTokenPolicy(h.admin.ctx, Number(before));
  });
});
