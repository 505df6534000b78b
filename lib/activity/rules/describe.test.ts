import { describe, expect, it } from 'vitest';
import { actionLabel, describeChange, describeTarget, failureReason, otherDetail } from './describe';

const TOKEN = `token:${'8f3a91c2'.repeat(8)}`;

describe('an action-log row in words', () => {
  it('names a token by its comment and owner beside its shortened id', () => {
    expect(describeTarget(TOKEN, { comment: 'nightly-etl', owner: 'Maya Lind' })).toEqual({
      name: 'nightly-etl · Maya Lind',
      ref: 'token:8f3a91c2…',
      full: TOKEN,
    });
    expect(describeTarget(TOKEN, { owner: 'Maya Lind' }).name).toBe('no comment · Maya Lind');
    expect(describeTarget(TOKEN, { comment: 'dbt Cloud [bw-rot:99f4247f-8a68-43ea]', owner: 'fivetran' }).name).toBe(
      'dbt Cloud · fivetran',
    );
    expect(describeTarget(TOKEN, {}).name).toBeNull();
    expect(describeTarget('workspace-conf:maxTokenLifetimeDays', null).name).toBe('Maximum token lifetime (workspace setting)');
    expect(describeTarget('scope:ci', null)).toEqual({ name: null, ref: 'scope:ci', full: 'scope:ci' });
  });

  it('says what changed, with the right plural', () => {
    expect(describeChange('tokens.policy.set', { from: 90, to: 60 })).toBe('90 days → 60 days');
    expect(describeChange('tokens.policy.set', { from: null, to: 1 })).toBe('no maximum → 1 day');
    expect(
      describeChange('tokens.rotate', { replacement: 'ab12cd34ef56ab12', lifetimeDays: 30, delivery: 'secret', scope: 'ci', key: 'token' }),
    ).toBe('New token token:ab12cd34… for 30 days, into secret ci/token');
    expect(describeChange('tokens.revoke', { bulk: 12 })).toBe('One of 12 tokens revoked together');
    expect(describeChange('tokens.revoke', {})).toBeNull();
  });

  it('says why it failed: the recorded reason, the upstream error, or the refusal in words', () => {
    expect(failureReason({ error: 'HTTP 403 PERMISSION_DENIED: no' })).toBe('HTTP 403 PERMISSION_DENIED: no');
    expect(failureReason({ refused: 'ROTATION_IN_PROGRESS', rotation: 'r1' })).toBe('a rotation of this token was in progress');
    expect(failureReason({ refused: 'NOT_ROTATABLE', reason: 'Databricks does not let anyone…' })).toBe('Databricks does not let anyone…');
    expect(failureReason(null)).toBeNull();
  });

  it('names known actions and keeps the rest of the detail for the drawer', () => {
    expect(actionLabel('tokens.policy.set')).toBe('Set the maximum token lifetime');
    expect(actionLabel('grants.revoke')).toBe('grants.revoke');
    expect(otherDetail({ comment: 'x', owner: 'y', error: 'z', rotation: 'r1', bulk: 2, note: '' })).toEqual([
      ['rotation', 'r1'],
      ['bulk', '2'],
    ]);
  });
});
