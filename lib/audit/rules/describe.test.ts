import { describe, expect, it } from 'vitest';
import {
  describeConfigChange,
  describePermissionChange,
  describeSecretChange,
  describeTokenEvent,
  summarizeUcChanges,
  tokenLifetimeDays,
} from './describe';

describe('describePermissionChange', () => {
  it('summarises Unity Catalog grant changes from the changes JSON', () => {
    const d = describePermissionChange('unityCatalog', 'updatePermissions', {
      securable_type: 'TABLE',
      securable_full_name: 'analytics.gold.revenue',
      changes: JSON.stringify([
        { principal: 'analysts', add: ['SELECT'] },
        { principal: 'bob@example.com', remove: ['MODIFY', 'SELECT'] },
      ]),
    });
    expect(d).toEqual({
      object: 'table analytics.gold.revenue',
      change: 'grant SELECT to analysts; revoke MODIFY, SELECT from bob@example.com',
      adminChange: false,
    });
  });

  it('names the target of job and cluster ACL changes', () => {
    const d = describePermissionChange('jobs', 'changeJobAcl', { resourceId: '123', aclPermissionSet: 'CAN_MANAGE', targetUserId: '42' });
    expect(d).toEqual({ object: 'job 123', change: 'CAN_MANAGE for 42', adminChange: false });
    expect(describePermissionChange('clusters', 'changeClusterAcl', { resourceId: 'c-1' }).object).toBe('cluster c-1');
    expect(
      describePermissionChange('accounts', 'changeDbTokenAcl', {
        resourceId: 'tokens',
        aclPermissionSet: 'CAN_USE',
        targetUserId: 'users',
      }),
    ).toMatchObject({ object: 'token permissions', change: 'CAN_USE for users' });
  });

  it('reads the resource kind from a path-style resourceId', () => {
    expect(
      describePermissionChange('jobs', 'changeJobAcl', { resourceId: '/jobs/42', aclPermissionSet: 'CAN_VIEW', targetUserId: '7' }),
    ).toMatchObject({ object: 'job 42', change: 'CAN_VIEW for 7' });
    expect(describePermissionChange('clusterPolicies', 'changeClusterPolicyAcl', { resourceId: '/cluster-policies/ABC' }).object).toBe(
      'cluster policy ABC',
    );
  });

  it('describes legacy table ACL grants and revokes', () => {
    expect(
      describePermissionChange('sqlPermissions', 'revokePermission', {
        securable: 'TABLE',
        securableName: 'hive_metastore.default.t',
        principal: 'users',
        actionTypes: 'SELECT',
      }),
    ).toEqual({
      object: 'table hive_metastore.default.t',
      change: 'revoke SELECT from users',
      adminChange: false,
    });
  });

  it('flags changes to the admins group and admin rights', () => {
    expect(
      describePermissionChange('accounts', 'addPrincipalToGroup', { targetGroupName: 'admins', targetUserName: 'eve@example.com' }),
    ).toEqual({
      object: 'group admins',
      change: 'added eve@example.com',
      adminChange: true,
    });
    expect(
      describePermissionChange('accounts', 'removePrincipalFromGroup', { targetGroupName: 'data-eng', targetUserName: 'x' }).adminChange,
    ).toBe(false);
    expect(describePermissionChange('accounts', 'setAdmin', { targetUserName: 'eve@example.com' })).toMatchObject({
      object: 'workspace admins',
      adminChange: true,
    });
  });

  it('falls back to the raw parameters when nothing is recognised, and clips long text', () => {
    expect(describePermissionChange('sqlPermissions', 'grantPermission', { foo: 'bar' })).toEqual({
      object: 'sqlPermissions object',
      change: 'foo=bar',
      adminChange: false,
    });
    expect(describePermissionChange('x', 'y', {}).change).toBe('(no parameters recorded)');
    expect(describePermissionChange('x', 'y', { permission: 'p'.repeat(1000) }).change.length).toBe(300);
  });

  it('keeps an unparsable changes value verbatim', () => {
    expect(describePermissionChange('unityCatalog', 'updatePermissions', { changes: '{not json' }).change).toBe('{not json');
  });
});

describe('summarizeUcChanges', () => {
  it('returns null for JSON that holds no change', () => {
    expect(summarizeUcChanges('[]')).toBeNull();
    expect(summarizeUcChanges('nope')).toBeNull();
  });
});

describe('tokenLifetimeDays', () => {
  const created = new Date('2026-11-01T00:00:00Z');
  it('computes the lifetime from tokenExpirationTime (epoch ms)', () => {
    expect(tokenLifetimeDays(created, String(created.getTime() + 90 * 86_400_000))).toBe(90);
    expect(tokenLifetimeDays(created, String(created.getTime() + 36 * 3_600_000))).toBe(1.5);
  });
  it('treats absent, zero, negative and garbage values as no expiry', () => {
    for (const v of [undefined, null, '', '0', '-1', 'never']) expect(tokenLifetimeDays(created, v)).toBeNull();
  });
});

describe('describeConfigChange', () => {
  it('shows workspace-conf keys and values', () => {
    expect(describeConfigChange('workspaceConfEdit', { workspaceConfKeys: 'enableTokensConfig', workspaceConfValues: 'false' })).toEqual({
      object: 'workspace-conf enableTokensConfig',
      change: 'enableTokensConfig = false',
    });
  });
  it('names IP access lists and what happened to them', () => {
    expect(describeConfigChange('createIpAccessList', { label: 'office', list_type: 'ALLOW', ip_addresses: '10.0.0.0/8' })).toEqual({
      object: 'IP access list office',
      change: 'created: ALLOW, 10.0.0.0/8',
    });
    expect(describeConfigChange('deleteIpAccessList', { ipAccessListId: 'abc' })).toEqual({
      object: 'IP access list abc',
      change: 'deleted',
    });
    expect(describeConfigChange('createIpAccessList', { ipAccessListId: '' }).object).toBe('IP access list (new)');
  });
  it('describes typed settings and falls back to raw parameters', () => {
    expect(describeConfigChange('deleteSetting', { settingTypeName: 'restrict_workspace_admins' }).change).toBe('reset to default');
    expect(describeConfigChange('create', { name: 'init.sh', enabled: 'true' })).toEqual({
      object: 'init.sh',
      change: 'name=init.sh, enabled=true',
    });
  });
});

describe('describeSecretChange', () => {
  it('describes ACL grants, removals, scope and secret changes', () => {
    expect(describeSecretChange('putAcl', { scope: 'prod', principal: 'users', permission: 'MANAGE' })).toEqual({
      object: 'scope prod',
      change: 'users given MANAGE',
    });
    expect(describeSecretChange('deleteAcl', { scope: 'prod', principal: 'bob' }).change).toBe('bob removed');
    expect(describeSecretChange('createScope', { scope: 'new' })).toEqual({ object: 'scope new', change: 'created' });
    expect(describeSecretChange('putSecret', { scope: 'prod', key: 'db-password' })).toEqual({
      object: 'secret prod/db-password',
      change: 'written',
    });
  });
});

describe('describeTokenEvent', () => {
  const at = new Date('2026-11-01T00:00:00Z');
  it('gives the lifetime of created tokens and names the token by a short hash', () => {
    expect(
      describeTokenEvent('generateDbToken', at, {
        tokenHash: 'abcdef0123456789',
        tokenExpirationTime: String(at.getTime() + 30 * 86_400_000),
      }),
    ).toEqual({
      object: 'token abcdef012345…',
      change: 'created, 30-day lifetime',
      lifetimeDays: 30,
    });
    expect(describeTokenEvent('generateDbToken', at, {}).change).toBe('created, never expires');
  });
  it('describes revocations and quota refusals without a lifetime', () => {
    expect(describeTokenEvent('revokeDbToken', at, { tokenHash: 'ff' })).toEqual({
      object: 'token ff',
      change: 'revoked',
      lifetimeDays: null,
    });
    expect(describeTokenEvent('reachMaxQuotaDbToken', at, {}).change).toMatch(/quota/);
  });
  it('names a refused creation as an attempt, whatever lifetime it asked for', () => {
    expect(describeTokenEvent('generateDbToken', at, { tokenExpirationTime: '-1' }, 400)).toEqual({
      object: 'token',
      change: 'token creation',
      lifetimeDays: null,
    });
  });
});
