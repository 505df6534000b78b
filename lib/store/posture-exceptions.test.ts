import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_ENGINES, type TestStore } from '@/testing/store-engines';
import {
  claimExpiryRecord,
  createException,
  endException,
  getException,
  listExceptions,
  updateException,
  type NewException,
} from './posture-exceptions';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ADMIN = 'alex.morgan@harborpine.com';

const base = (over: Partial<NewException> = {}): NewException => ({
  id: 'ex-1',
  checkId: 'jobs-run-as',
  evidenceKey: 'job:42',
  reason: 'Moving the nightly claims job to a service principal in April',
  owner: 'jordan.lee@harborpine.com',
  expiresOn: '2026-04-30',
  createdBy: ADMIN,
  createdAt: NOW,
  ...over,
});

describe.each(STORE_ENGINES)('posture exceptions on $name', (engine) => {
  let s: TestStore;
  beforeEach(async () => {
    s = await engine.open();
  });
  afterEach(async () => s.cleanup());

  it('stores an exception and reads it back', async () => {
    expect(await createException(s.db, base(), NOW)).toEqual({ created: true });
    expect(await getException(s.db, 'ex-1')).toMatchObject({
      checkId: 'jobs-run-as',
      evidenceKey: 'job:42',
      owner: 'jordan.lee@harborpine.com',
      expiresOn: '2026-04-30',
      createdAt: NOW,
      endedAt: null,
      expiryRecordedAt: null,
    });
    expect((await listExceptions(s.db)).map((e) => e.id)).toEqual(['ex-1']);
  });

  it('refuses a second active exception for the same item or the same whole check, not for another item', async () => {
    await createException(s.db, base(), NOW);
    const again = await createException(s.db, base({ id: 'ex-2' }), NOW);
    expect(again).toMatchObject({ created: false, existing: { id: 'ex-1' } });
    expect(await createException(s.db, base({ id: 'ex-3', evidenceKey: 'job:43' }), NOW)).toEqual({ created: true });
    expect(await createException(s.db, base({ id: 'ex-4', evidenceKey: null }), NOW)).toEqual({ created: true });
    expect(await createException(s.db, base({ id: 'ex-5', evidenceKey: null }), NOW)).toMatchObject({ created: false });
  });

  it('allows a new exception once the old one ended or expired', async () => {
    await createException(s.db, base(), NOW);
    await endException(s.db, 'ex-1', ADMIN, NOW + 1);
    expect(await createException(s.db, base({ id: 'ex-2', expiresOn: '2026-03-11' }), NOW)).toEqual({ created: true });
    const later = Date.parse('2026-03-12T00:00:00Z');
    expect(await createException(s.db, base({ id: 'ex-3' }), later)).toEqual({ created: true });
  });

  it('changes reason, owner and expiry, recording who and when, but not once ended', async () => {
    await createException(s.db, base(), NOW);
    expect(await updateException(s.db, 'ex-1', { owner: 'priya.shah@harborpine.com', expiresOn: '2026-05-31' }, ADMIN, NOW + 5)).toBe(true);
    expect(await getException(s.db, 'ex-1')).toMatchObject({
      owner: 'priya.shah@harborpine.com',
      expiresOn: '2026-05-31',
      reason: base().reason,
      updatedBy: ADMIN,
      updatedAt: NOW + 5,
    });
    expect(await endException(s.db, 'ex-1', ADMIN, NOW + 6)).toBe(true);
    expect(await endException(s.db, 'ex-1', ADMIN, NOW + 7)).toBe(false);
    expect(await updateException(s.db, 'ex-1', { reason: 'too late' }, ADMIN, NOW + 8)).toBe(false);
    expect(await getException(s.db, 'ex-1')).toMatchObject({ endedBy: ADMIN, endedAt: NOW + 6 });
  });

  it('gives the expiry record to one claimant, and again after the expiry is moved', async () => {
    await createException(s.db, base(), NOW);
    expect(await claimExpiryRecord(s.db, 'ex-1', NOW)).toBe(true);
    expect(await claimExpiryRecord(s.db, 'ex-1', NOW)).toBe(false);
    await updateException(s.db, 'ex-1', { expiresOn: '2026-06-30' }, ADMIN, NOW);
    expect(await claimExpiryRecord(s.db, 'ex-1', NOW)).toBe(true);
  });

  it('answers null for an exception that does not exist', async () => {
    expect(await getException(s.db, 'nope')).toBeNull();
    expect(await endException(s.db, 'nope', ADMIN, NOW)).toBe(false);
  });
});
