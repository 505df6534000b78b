import { describe, expect, it } from 'vitest';
import { buildPrincipalIndex, type DirectoryInput } from './index';

const directory: DirectoryInput = {
  users: [
    { id: 'u1', name: 'ann@example.com', displayName: 'Ann Lee', active: true, kind: 'user' },
    { id: 'u2', name: 'bo@example.com', displayName: 'Bo Li', active: false, kind: 'user' },
    { id: 's1', name: '6f1c-app-id', displayName: 'nightly-etl', active: true, kind: 'service_principal' },
  ],
  groups: [
    { id: 'g1', displayName: 'analysts', memberIds: ['u1', 'g2'] },
    { id: 'g2', displayName: 'data-eng', memberIds: ['s1', 'g3', 'u2'] },
    // A cycle back to the top, as directories sometimes have.
    { id: 'g3', displayName: 'platform', memberIds: ['g1', 'u1'] },
  ],
};
const index = buildPrincipalIndex(directory);

describe('principal index', () => {
  it('resolves the names grants use, by kind and status, case-insensitively; an unknown name is a deleted principal', () => {
    expect(index.resolve('ANN@example.com')).toMatchObject({
      name: 'ann@example.com',
      kind: 'user',
      displayName: 'Ann Lee',
      status: 'active',
    });
    expect(index.resolve('bo@example.com').status).toBe('deactivated');
    expect(index.resolve('6f1c-app-id')).toMatchObject({ kind: 'service_principal', displayName: 'nightly-etl' });
    expect(index.resolve('data-eng').kind).toBe('group');
    expect(index.resolve('users')).toMatchObject({ kind: 'group', status: 'active' });
    expect(index.resolve('gone@example.com')).toMatchObject({ kind: 'unknown', status: 'deleted' });
  });

  it('expands nested groups with the path to each member, surviving a cycle', () => {
    const members = index.members('analysts');
    expect(members.map((m) => [m.principal.name, m.via])).toEqual([
      ['ann@example.com', ['analysts']],
      ['6f1c-app-id', ['analysts', 'data-eng']],
      ['bo@example.com', ['analysts', 'data-eng']],
    ]);
    expect(
      index
        .members('users')
        .map((m) => m.principal.name)
        .sort(),
    ).toEqual(['6f1c-app-id', 'ann@example.com', 'bo@example.com']);
    expect(index.members('nobody')).toEqual([]);
  });

  it('lists every group a principal is in, through other groups, the all-users groups included', () => {
    expect(index.groupsOf('6f1c-app-id').sort()).toEqual(['account users', 'analysts', 'data-eng', 'platform', 'users']);
    expect(index.groupsOf('platform').sort()).toEqual(['analysts', 'data-eng', 'platform']);
  });

  it('lists every principal of the directory, for pickers', () => {
    expect(
      index
        .all()
        .map((p) => `${p.kind}:${p.name}`)
        .sort(),
    ).toEqual([
      'group:analysts',
      'group:data-eng',
      'group:platform',
      'service_principal:6f1c-app-id',
      'user:ann@example.com',
      'user:bo@example.com',
    ]);
  });

  it('lists every group by name, the all-users groups included', () => {
    expect(index.groupNames()).toEqual(['account users', 'analysts', 'data-eng', 'platform', 'users']);
  });
});
