import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { MIGRATIONS } from './migrations';
import {
  claimRotation,
  findOpenRotation,
  getRotation,
  insertIntent,
  listRotations,
  ROTATION_LEASE_MS,
  RotationConflictError,
  saveSnapshot,
  type RotationIntent,
} from './rotation-journal';

let dir: string;
let file: string;
let db: Db;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tokens-journal-'));
  file = path.join(dir, 'brickwatch.db');
  db = openDatabase(file, MIGRATIONS);
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const T0 = 1_790_000_000_000;
const intent = (id: string, tokenId = 'old-1'): RotationIntent => ({
  id,
  tokenId,
  ownerId: '42',
  ownerName: 'etl-bot',
  method: 'on_behalf_of',
  applicationId: 'app-uuid',
  delivery: 'secret',
  secretScope: 'ci',
  secretKey: 'token',
  lifetimeDays: 90,
  newComment: `nightly [bw-rot:${id}]`,
  actor: 'admin@example.com',
  actingAs: 'admin@example.com',
});

describe('rotation journal', () => {
  it('records the intent with a lease before anything else happens', () => {
    const e = insertIntent(db, intent('rot-00001'), T0);
    expect(e).toMatchObject({ id: 'rot-00001', state: 'intent', newTokenId: null, createdAt: T0, leaseUntil: T0 + ROTATION_LEASE_MS });
    expect(findOpenRotation(db, 'old-1')?.id).toBe('rot-00001');
  });

  it('refuses a second open rotation of the same token, naming the first', () => {
    insertIntent(db, intent('rot-00001'), T0);
    let conflict: unknown;
    try {
      insertIntent(db, intent('rot-00002'), T0 + 1);
    } catch (e) {
      conflict = e;
    }
    expect(conflict).toBeInstanceOf(RotationConflictError);
    expect((conflict as RotationConflictError).existing.id).toBe('rot-00001');
    expect(insertIntent(db, intent('rot-00003', 'old-2'), T0).tokenId).toBe('old-2');
  });

  it('enforces one open rotation per token in the schema itself', () => {
    insertIntent(db, intent('rot-00001'), T0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO rotation_journal SELECT 'x-1', token_id, owner_id, owner_name, method, application_id, delivery, secret_scope, secret_key, lifetime_days, new_comment, 'created', new_token_id, rollback_cause, last_error, actor, acting_as, created_at, updated_at, lease_until, delivery_started_at FROM rotation_journal",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('frees the token once the rotation ends', () => {
    insertIntent(db, intent('rot-00001'), T0);
    saveSnapshot(db, 'rot-00001', { state: 'failed', newTokenId: null, rollbackCause: null, lastError: 'quota' }, { now: T0 + 5 });
    expect(findOpenRotation(db, 'old-1')).toBeNull();
    expect(insertIntent(db, intent('rot-00002'), T0 + 10).state).toBe('intent');
  });

  it('keeps every step across a restart, without any token value', () => {
    insertIntent(db, intent('rot-00001'), T0);
    saveSnapshot(
      db,
      'rot-00001',
      { state: 'created', newTokenId: 'new-1', rollbackCause: null, lastError: null },
      { now: T0 + 1, deliveryStartedAt: T0 + 1 },
    );
    db.close();
    db = openDatabase(file, MIGRATIONS);
    expect(getRotation(db, 'rot-00001')).toMatchObject({
      state: 'created',
      newTokenId: 'new-1',
      deliveryStartedAt: T0 + 1,
      updatedAt: T0 + 1,
    });
    const everything = JSON.stringify(db.prepare('SELECT * FROM rotation_journal').all());
    expect(everything).not.toMatch(/dapi/);
  });

  it('lets only one request claim an interrupted row, and only after its lease ran out', () => {
    insertIntent(db, intent('rot-00001'), T0);
    expect(claimRotation(db, 'rot-00001', T0 + 1000)).toBe(false);
    const later = T0 + ROTATION_LEASE_MS + 1;
    expect(claimRotation(db, 'rot-00001', later)).toBe(true);
    expect(claimRotation(db, 'rot-00001', later)).toBe(false);
  });

  it('releases the lease when asked, so a waiting rotation can be retried at once', () => {
    insertIntent(db, intent('rot-00001'), T0);
    saveSnapshot(
      db,
      'rot-00001',
      { state: 'old_active', newTokenId: 'n', rollbackCause: null, lastError: 'HTTP 500' },
      { now: T0 + 2, release: true },
    );
    expect(claimRotation(db, 'rot-00001', T0 + 3)).toBe(true);
  });

  it('lists open rotations first, then the newest', () => {
    insertIntent(db, intent('rot-00001', 'a'), T0);
    insertIntent(db, intent('rot-00002', 'b'), T0 + 1);
    insertIntent(db, intent('rot-00003', 'c'), T0 + 2);
    saveSnapshot(db, 'rot-00003', { state: 'completed', newTokenId: 'n', rollbackCause: null, lastError: null }, { now: T0 + 9 });
    expect(listRotations(db).map((e) => e.id)).toEqual(['rot-00002', 'rot-00001', 'rot-00003']);
  });
});
