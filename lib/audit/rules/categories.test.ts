import { describe, expect, it } from 'vitest';
import { AUDIT_CATEGORY_IDS, CATEGORY_RULES, categorizeEvent, categoryClauses, isAuditCategory, matchesCategory } from './categories';

describe('categorizeEvent', () => {
  it.each([
    ['accounts', 'tokenLogin', 'signin'],
    ['accounts', 'login', 'signin'],
    ['accounts', 'oidcBrowserLogin', 'signin'],
    ['workspace', 'IpAccessDenied', 'signin'],
    ['accounts', 'generateDbToken', 'tokens'],
    ['accounts', 'revokeDbToken', 'tokens'],
    ['accounts', 'reachMaxQuotaDbToken', 'tokens'],
    ['secrets', 'getSecret', 'secrets'],
    ['secrets', 'putAcl', 'secrets'],
    ['unityCatalog', 'updatePermissions', 'permissions'],
    ['unityCatalog', 'getTable', 'unityCatalog'],
    ['unityCatalog', 'generateTemporaryTableCredential', 'unityCatalog'],
    ['sqlPermissions', 'grantPermission', 'permissions'],
    ['sqlPermissions', 'revokePermission', 'permissions'],
    ['jobs', 'changeJobAcl', 'permissions'],
    ['jobs', 'resetJobAcl', 'permissions'],
    ['clusters', 'changeClusterAcl', 'permissions'],
    ['clusterPolicies', 'changeClusterPolicyAcl', 'permissions'],
    ['databrickssql', 'changeWarehouseAcls', 'permissions'],
    ['accounts', 'addPrincipalToGroup', 'permissions'],
    ['accounts', 'setAdmin', 'permissions'],
    ['accounts', 'changeDbTokenAcl', 'permissions'],
    ['workspace', 'workspaceConfEdit', 'config'],
    ['accounts', 'createIpAccessList', 'config'],
    ['accounts', 'deleteIpAccessList', 'config'],
    ['globalInitScripts', 'create', 'config'],
  ] as const)('%s.%s is %s', (service, action, category) => {
    expect(categorizeEvent(service, action)).toBe(category);
  });

  it('files reads of legacy table ACLs, unknown actions and unknown services under other', () => {
    expect(categorizeEvent('sqlPermissions', 'showPermissions')).toBe('other');
    expect(categorizeEvent('accounts', 'createGroup')).toBe('other');
    expect(categorizeEvent('notebook', 'runCommand')).toBe('other');
  });

  it('matches names case-sensitively, as Databricks emits them', () => {
    expect(categorizeEvent('accounts', 'TokenLogin')).toBe('other');
    expect(categorizeEvent('Secrets', 'getSecret')).toBe('other');
  });

  it('does not let an earlier rule shadow any listed action of a later one', () => {
    for (const rule of CATEGORY_RULES) {
      for (const action of rule.actions ?? ['anyOtherAction']) {
        expect(categorizeEvent(rule.service ?? 'anyService', action), `${rule.service}.${action}`).toBe(rule.category);
      }
    }
  });

  it('only holds names that are safe to inline into generated SQL', () => {
    const names = CATEGORY_RULES.flatMap((r) => [r.service ?? 'x', ...(r.actions ?? [])]);
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });
});

describe('isAuditCategory', () => {
  it('accepts every category id and nothing else', () => {
    for (const id of AUDIT_CATEGORY_IDS) expect(isAuditCategory(id)).toBe(true);
    expect(isAuditCategory('Sign-in')).toBe(false);
  });
});

describe('categoryClauses and matchesCategory', () => {
  // Every listed pair, each listed action under foreign services, and unknown names.
  const services = [...new Set(CATEGORY_RULES.map((r) => r.service).filter((s): s is string => s !== null)), 'notebook', 'anyService'];
  const actions = [...new Set(CATEGORY_RULES.flatMap((r) => r.actions ?? [])), 'create', 'anyAction'];

  it('agree with categorizeEvent on every combination of known names', () => {
    for (const service of services) {
      for (const action of actions) {
        const category = categorizeEvent(service, action);
        for (const c of AUDIT_CATEGORY_IDS)
          expect(matchesCategory(c, service, action), `${service}.${action} in ${c}`).toBe(c === category);
      }
    }
  });

  it('only carry exclusions that can actually overlap', () => {
    const uc = categoryClauses('unityCatalog');
    expect(uc).toHaveLength(1);
    expect(uc[0]!.unless.map((r) => r.actions)).toEqual([['updatePermissions', 'updateSharePermissions']]);
    expect(categoryClauses('tokens').every((c) => c.unless.length === 0)).toBe(true);
    expect(categoryClauses('other')).toEqual([]);
  });
});
