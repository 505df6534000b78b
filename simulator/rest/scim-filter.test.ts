import { describe, expect, it } from 'vitest';
import { ApiError } from '../core/contract';
import { parseFilter } from './scim-filter';

const alice = {
  userName: 'alice@x.com',
  displayName: 'Alice Smith',
  active: true,
  emails: [{ value: 'alice@x.com' }],
  groups: [{ display: 'admins' }],
};
const bob = {
  userName: 'bob@x.com',
  displayName: 'Bob Data',
  active: false,
  emails: [{ value: 'bob@x.com' }],
  groups: [{ display: 'analytics' }],
};
const pick = (f: string) => [alice, bob].filter(parseFilter(f)).map((u) => u.userName);

describe('SCIM filters', () => {
  it('compares case-insensitively with eq, co, sw, ne', () => {
    expect(pick('userName eq "ALICE@x.com"')).toEqual(['alice@x.com']);
    expect(pick('displayName co "data"')).toEqual(['bob@x.com']);
    expect(pick('userName sw "b"')).toEqual(['bob@x.com']);
    expect(pick('userName ne "alice@x.com"')).toEqual(['bob@x.com']);
  });

  it('combines with and/or/not and parentheses, over multi-valued attributes', () => {
    expect(pick('active eq true and groups.display eq "admins"')).toEqual(['alice@x.com']);
    expect(pick('userName sw "a" or displayName co "bob"')).toEqual(['alice@x.com', 'bob@x.com']);
    expect(pick('not (emails.value ew "@x.com")')).toEqual([]);
    expect(pick('(active eq false) or (groups.display eq "admins" and userName pr)')).toEqual(['alice@x.com', 'bob@x.com']);
  });

  it('rejects malformed filters with INVALID_FILTER', () => {
    for (const bad of ['userName eq', 'userName xx "a"', '(userName eq "a"', 'userName eq alice', 'userName eq "a" extra']) {
      expect(() => parseFilter(bad), bad).toThrow(ApiError);
    }
  });
});
