import { describe, expect, it } from 'vitest';
import { scopeFindings, worstLevel, type AclView, type ScopeFacts } from './findings';

const NOW = Date.UTC(2026, 10, 28);
const DAY = 86_400_000;
const acl = (principal: string, permission: AclView['permission'], extra: Partial<AclView> = {}): AclView => ({
  principal,
  permission,
  kind: principal.includes('@') ? 'user' : 'group',
  displayName: null,
  status: 'active',
  ...extra,
});
const key = (name: string, ageDays: number) => ({ key: name, lastUpdated: NOW - ageDays * DAY });
const scope = (facts: Partial<ScopeFacts>): ScopeFacts => ({
  name: 's',
  keys: [key('k', 10)],
  acls: [acl('ops-team', 'MANAGE')],
  lastReads: new Map([['k', NOW - DAY]]),
  ...facts,
});
const codes = (s: ScopeFacts) => scopeFindings(s, NOW).map((f) => `${f.code}:${f.level}`);

describe('scope findings', () => {
  it('finds nothing in a well-run scope', () => {
    expect(scopeFindings(scope({ acls: [acl('ops-team', 'MANAGE'), acl('etl@x.com', 'MANAGE'), acl('readers', 'READ')] }), NOW)).toEqual(
      [],
    );
  });

  it('rates all users by what they hold: MANAGE or WRITE high, READ medium', () => {
    expect(codes(scope({ acls: [acl('ops', 'MANAGE'), acl('users', 'MANAGE')] }))).toEqual(['all_users:high']);
    expect(codes(scope({ acls: [acl('ops', 'MANAGE'), acl('users', 'WRITE')] }))).toEqual(['all_users:high']);
    expect(codes(scope({ acls: [acl('ops', 'MANAGE'), acl('users', 'READ')] }))).toEqual(['all_users:medium']);
    expect(codes(scope({ acls: [acl('ops', 'MANAGE'), acl('account users', 'READ')] }))).toEqual(['all_users:medium']);
    expect(scopeFindings(scope({ acls: [acl('ops', 'MANAGE'), acl('users', 'MANAGE')] }), NOW)[0]?.text).toBe(
      'All workspace users (users) hold MANAGE: anyone can read and change these secrets and give others access.',
    );
    // A group merely named like it is not everyone.
    expect(codes(scope({ acls: [acl('ops', 'MANAGE'), acl('users-eu', 'READ')] }))).toEqual([]);
  });

  it('flags one person as the only manager, not a group or a service principal', () => {
    const only = scope({ acls: [acl('maya@x.com', 'MANAGE', { displayName: 'Maya Chen' }), acl('readers', 'READ')] });
    expect(codes(only)).toEqual(['single_manager:low']);
    expect(scopeFindings(only, NOW)[0]?.text).toContain('Only Maya Chen can manage this scope');
    expect(codes(scope({ acls: [acl('ops', 'MANAGE')] }))).toEqual([]);
    expect(codes(scope({ acls: [acl('8f43b8ae-c89e', 'MANAGE', { kind: 'service_principal' })] }))).toEqual([]);
  });

  it('asks to rotate secrets older than a year, saying how many', () => {
    const f = scopeFindings(scope({ keys: [key('a', 400), key('b', 20), key('c', 800)], lastReads: null }), NOW);
    expect(f).toMatchObject([{ code: 'stale_secrets', level: 'medium', keys: ['a', 'c'] }]);
    expect(f[0]?.text).toBe('2 of 3 secrets have not been updated for over a year: rotate them.');
    expect(scopeFindings(scope({ keys: [key('a', 366)], lastReads: null }), NOW)[0]?.text).toBe(
      'The secret has not been updated for over a year: rotate it.',
    );
    expect(codes(scope({ keys: [key('a', 364)], lastReads: null }))).toEqual([]);
  });

  it('calls an empty scope empty, but not one whose keys could not be listed', () => {
    expect(codes(scope({ keys: [] }))).toEqual(['empty_scope:low']);
    expect(codes(scope({ keys: null }))).toEqual([]);
  });

  it('names secrets unread for 90 days, only when the audit log was read and the key is older than the window', () => {
    const keys = [key('old-unread', 200), key('old-read', 200), key('new-unread', 30)];
    const f = scopeFindings(scope({ keys, lastReads: new Map([['old-read', NOW - 5 * DAY]]) }), NOW);
    expect(f).toMatchObject([{ code: 'unread_secrets', level: 'low', keys: ['old-unread'] }]);
    expect(f[0]?.text).toBe('old-unread was not read in the last 90 days: a candidate to delete.');
    expect(codes(scope({ keys, lastReads: null }))).toEqual([]);
  });

  it('flags deactivated and deleted principals still in the ACL, but not unknown ones', () => {
    const f = scopeFindings(
      scope({
        acls: [
          acl('ops', 'MANAGE'),
          acl('lee@x.com', 'READ', { status: 'deactivated', displayName: 'Jo Lee' }),
          acl('gone-team', 'WRITE', { status: 'deleted' }),
          acl('who@x.com', 'READ', { status: 'unknown' }),
        ],
      }),
      NOW,
    );
    expect(f).toMatchObject([{ code: 'stale_principal', level: 'medium', principals: ['lee@x.com', 'gone-team'] }]);
    expect(f[0]?.text).toBe(
      'Jo Lee (deactivated, READ), gone-team (deleted, WRITE) are still in the ACL: remove the entries, or reactivated or re-created accounts get this access.',
    );
  });

  it('judges nothing about an ACL it could not read', () => {
    expect(codes(scope({ acls: null }))).toEqual([]);
  });

  it('orders findings worst first and reports the worst level', () => {
    const f = scopeFindings(
      scope({ keys: [key('a', 500)], acls: [acl('users', 'READ'), acl('maya@x.com', 'MANAGE')], lastReads: null }),
      NOW,
    );
    expect(f.map((x) => x.level)).toEqual(['medium', 'medium', 'low']);
    expect(worstLevel(f)).toBe('medium');
    expect(worstLevel([])).toBeNull();
  });
});
