import { describe, expect, it } from 'vitest';
import {
  findRotatedToken,
  resolveRotationLifetime,
  rotationComment,
  rotationLifetimeLimits,
  rotationMarker,
  rotationLabel,
  rotationPlan,
  type RotationActor,
} from './rotation-rules';
import type { TokenOwner } from './types';

const admin: RotationActor = { id: '10', kind: 'user', name: 'admin@example.com' };
const owner = (over: Partial<TokenOwner>): TokenOwner => ({
  id: '20',
  kind: 'user',
  name: 'bo@example.com',
  displayName: 'Bo Li',
  status: 'active',
  ...over,
});

describe('rotationPlan', () => {
  it('rotates the acting identity’s own token by create then revoke', () => {
    expect(rotationPlan(owner({ id: '10' }), admin)).toEqual({ canRotate: true, method: 'own' });
  });
  it('rotates its own token when Brickwatch acts as a service principal', () => {
    const sp: RotationActor = { id: '30', kind: 'service_principal', name: 'uuid-sp' };
    expect(rotationPlan(owner({ id: '30', kind: 'service_principal', name: 'uuid-sp' }), sp)).toEqual({ canRotate: true, method: 'own' });
  });
  it('rotates a service principal’s token on its behalf', () => {
    expect(rotationPlan(owner({ kind: 'service_principal', name: 'app-uuid', displayName: 'etl' }), admin)).toEqual({
      canRotate: true,
      method: 'on_behalf_of',
      applicationId: 'app-uuid',
    });
  });
  it('offers only revoke for another person, explaining why', () => {
    const plan = rotationPlan(owner({}), admin);
    expect(plan).toEqual({
      canRotate: false,
      reason:
        'Databricks does not let anyone create a token for another person: only Bo Li can create their own. Revoke this token and ask them to create a new one.',
    });
  });
  it('says plainly why one’s own token cannot be rotated when Brickwatch acts as a service principal', () => {
    const sp: RotationActor = { id: '30', kind: 'service_principal', name: 'uuid-sp' };
    const plan = rotationPlan(owner({ name: 'Bo@Example.com' }), sp, { userName: 'bo@example.com' });
    expect(plan.canRotate).toBe(false);
    const reason = !plan.canRotate ? plan.reason : '';
    expect(reason).toMatch(/^This is your own token, but Brickwatch acts as the service principal uuid-sp/);
    expect(reason).not.toMatch(/another person/);
    // Someone else's token is still "another person's".
    expect(rotationPlan(owner({}), sp, { userName: 'admin@example.com' })).toMatchObject({
      reason: expect.stringMatching(/another person/),
    });
  });
  it('offers only revoke for a deactivated service principal', () => {
    const plan = rotationPlan(owner({ kind: 'service_principal', name: 'app', displayName: 'etl', status: 'deactivated' }), admin);
    expect(plan.canRotate).toBe(false);
    expect(!plan.canRotate && plan.reason).toMatch(/^Service principal etl is deactivated/);
  });
  it('offers only revoke when the owner is gone or unknown', () => {
    expect(rotationPlan(owner({ kind: 'unknown', name: null, displayName: null, status: 'deleted', id: '77' }), admin)).toEqual({
      canRotate: false,
      reason: 'The owner (#77) no longer exists, so no replacement can be created for them. Revoke the token.',
    });
    expect(rotationPlan(owner({ kind: 'unknown', name: null, displayName: null, status: 'unknown' }), admin).canRotate).toBe(false);
  });
});

describe('rotation lifetime', () => {
  it('defaults to the workspace maximum, capped at 90 days', () => {
    expect(rotationLifetimeLimits(30)).toEqual({ defaultDays: 30, maxDays: 30, overrideMaxDays: 30 });
    expect(rotationLifetimeLimits(365)).toEqual({ defaultDays: 90, maxDays: 90, overrideMaxDays: 365 });
    expect(rotationLifetimeLimits(null)).toEqual({ defaultDays: 90, maxDays: 90, overrideMaxDays: 730 });
  });
  it('uses the default when none is asked for', () => {
    expect(resolveRotationLifetime({}, 365)).toEqual({ ok: true, days: 90 });
  });
  it('refuses above 90 days without override and says how to proceed', () => {
    expect(resolveRotationLifetime({ days: 120 }, 365)).toEqual({
      ok: false,
      message: 'The new lifetime of 120 days is above 90 days. Choose 90 or less, or override explicitly (up to 365).',
    });
  });
  it('allows above 90 days with an explicit override, up to the workspace maximum only', () => {
    expect(resolveRotationLifetime({ days: 120, override: true }, 365)).toEqual({ ok: true, days: 120 });
    expect(resolveRotationLifetime({ days: 400, override: true }, 365)).toEqual({
      ok: false,
      message: 'The new lifetime of 400 days is above the workspace maximum of 365 days.',
    });
    expect(resolveRotationLifetime({ days: 731, override: true }, null)).toEqual({
      ok: false,
      message: 'The new lifetime of 731 days is above the Databricks limit of 730 days.',
    });
  });
  it('never goes above the workspace maximum, even below 90 days', () => {
    expect(resolveRotationLifetime({ days: 45 }, 30).ok).toBe(false);
  });
  it.each([0, -1, 2.5])('refuses %s days', (days) => {
    expect(resolveRotationLifetime({ days }, 90)).toEqual({
      ok: false,
      message: 'The new lifetime must be a whole number of days, at least 1.',
    });
  });
});

describe('rotation marker', () => {
  const id = '3f2a9c1e-77aa-4bde-9f00-1234567890ab';
  it('appends the marker to the old comment, replacing an earlier marker', () => {
    expect(rotationComment('nightly etl', id)).toBe(`nightly etl [bw-rot:${id}]`);
    expect(rotationComment('nightly etl [bw-rot:aaaaaaaa-1111]', id)).toBe(`nightly etl [bw-rot:${id}]`);
    expect(rotationComment('', id)).toBe(`[bw-rot:${id}]`);
  });
  it('keeps the marker whole when the comment is long', () => {
    const c = rotationComment('x'.repeat(500), id);
    expect(c.endsWith(rotationMarker(id))).toBe(true);
    expect(c.length).toBe(200 + 1 + rotationMarker(id).length);
  });
  it('refuses ids that could break the comment', () => {
    expect(() => rotationMarker('a]b')).toThrow();
  });
  it('finds the token carrying this rotation’s marker only', () => {
    const tokens = [
      { tokenId: 'old', comment: 'nightly etl' },
      { tokenId: 'other', comment: 'nightly etl [bw-rot:bbbbbbbb-2222]' },
      { tokenId: 'mine', comment: rotationComment('nightly etl', id) },
      { tokenId: 'none', comment: null },
    ];
    expect(findRotatedToken(tokens, id)?.tokenId).toBe('mine');
    expect(findRotatedToken(tokens, 'cccccccc-3333')).toBeNull();
  });
});

describe('rotationLabel', () => {
  it('names the token by its old comment (markers removed) and its owner', () => {
    expect(rotationLabel({ newComment: 'nightly etl [bw-rot:abcdef12-3456]', ownerName: 'etl-bot' })).toEqual({
      comment: 'nightly etl',
      owner: 'etl-bot',
    });
    expect(rotationLabel({ newComment: '[bw-rot:abcdef12-3456]', ownerName: null })).toEqual({ comment: '', owner: null });
  });
});
