import { describe, expect, it } from 'vitest';
import type { Figure } from '../contract';
import { figure, notCollected, permissionKindFigure, type FigureKey } from './figures';
import { comparison, summarySentences } from './sentences';

const week = { from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };
const f = (key: FigureKey, value: number, previous: number): Figure => figure(key, week, { value, previous });
const missing = (key: FigureKey, error: string): Figure => figure(key, week, { error });

describe('summary sentences', () => {
  it('says each count beside the week before, with the largest kinds named', () => {
    const sentences = summarySentences([
      f('permission_changes', 14, 9),
      permissionKindFigure('unityCatalog', week, { value: 8, previous: 2 }),
      permissionKindFigure('jobs', week, { value: 5, previous: 5 }),
      permissionKindFigure('accounts', week, { value: 1, previous: 2 }),
      f('admin_membership_changes', 1, 0),
      f('failed_signins', 1204, 1204),
      f('failing_ips', 7, 3),
      f('signin_spikes', 2, 0),
      f('tokens_created', 1, 4),
      f('tokens_without_expiry', 1, 0),
      f('tokens_revoked', 3, 0),
      f('tokens_expiring_next_week', 2, 1),
      f('secret_reads', 0, 12),
      f('secret_changes', 0, 0),
    ]);
    expect(sentences).toEqual([
      '14 permission changes (Unity Catalog grants: 8; Job permissions: 5; Workspace, token and group permissions: 1), up from 9 the week before.',
      'The admins group changed once; see the notable events below.',
      '1,204 failed sign-ins from 7 addresses, the same as the week before.',
      'Failed sign-ins spiked in 2 hours; the notable events say when.',
      '1 token was created (1 without an expiry) and 3 revoked.',
      '2 tokens created within the audit log’s year expire next week: their owners should rotate them before then.',
      'Secrets were read 0 times, down from 12 the week before.',
      'No secret, scope or secret permission was changed.',
    ]);
  });

  it('names a figure that could not be counted instead of saying zero', () => {
    const sentences = summarySentences([
      missing('permission_changes', 'the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy'),
      missing('failed_signins', 'the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy'),
      f('tokens_created', 0, 0),
      f('tokens_revoked', 0, 1),
      missing('tokens_expiring_next_week', 'timeout'),
      notCollected('posture_score', 'posture not built yet'),
    ]);
    expect(sentences).toEqual([
      'Permission changes could not be counted this time: the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy.',
      'Failed sign-ins could not be counted this time: the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy.',
      '0 tokens were created and 0 revoked.',
      'Tokens expiring next week could not be counted this time: timeout.',
      'Posture score was not collected: posture not built yet.',
    ]);
    expect(sentences.join(' ')).not.toMatch(/\b0 permission|\b0 failed/);
  });

  it('says a quiet week plainly', () => {
    expect(summarySentences([f('permission_changes', 0, 0), f('admin_membership_changes', 0, 0), f('failed_signins', 0, 3)])).toEqual([
      'No permissions were changed, the same as the week before.',
      'Nobody was added to or removed from the admins group.',
      '0 failed sign-ins, down from 3 the week before.',
    ]);
  });

  it('compares only with a known week before', () => {
    expect(comparison(3, null)).toBe('');
    expect(comparison(3, 1)).toBe('up from 1 the week before');
  });

  it('keeps a missing figure missing: no value, no previous, the reason', () => {
    expect(missing('secret_reads', 'denied')).toMatchObject({ value: null, previous: null, status: 'missing', reason: 'denied' });
  });
});
