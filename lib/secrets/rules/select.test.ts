import { describe, expect, it } from 'vitest';
import { byRisk, selectScopes, summarizeScopes } from './select';

const ok = { state: 'ok' };
const scopes = [
  {
    name: 'prod-etl',
    backend: 'DATABRICKS' as const,
    keyCount: 4,
    acls: [{ principal: 'users', displayName: 'users' }],
    level: 'high' as const,
    findings: [{ code: 'all_users' as const }, { code: 'stale_secrets' as const }],
    keyVault: null,
    access: { keys: ok, acls: ok },
  },
  {
    name: 'akv-prod-keys',
    backend: 'AZURE_KEYVAULT' as const,
    keyCount: null,
    acls: null,
    level: null,
    findings: [],
    keyVault: { dnsName: 'https://kv-harborpine-prod-keys.vault.azure.net/' },
    access: { keys: { state: 'denied' }, acls: { state: 'denied' } },
  },
  {
    name: 'ml-platform',
    backend: 'DATABRICKS' as const,
    keyCount: 3,
    acls: [{ principal: 'maya.chen@harborpine.com', displayName: 'Maya Chen' }],
    level: 'low' as const,
    findings: [{ code: 'single_manager' as const }],
    keyVault: null,
    access: { keys: ok, acls: ok },
  },
];

describe('scope list', () => {
  it('filters by text over names, principals and vaults, by finding and by backend', () => {
    expect(selectScopes(scopes, { q: 'maya' }).map((s) => s.name)).toEqual(['ml-platform']);
    expect(selectScopes(scopes, { q: 'PROD' }).map((s) => s.name)).toEqual(['prod-etl', 'akv-prod-keys']);
    expect(selectScopes(scopes, { q: 'vault.azure' }).map((s) => s.name)).toEqual(['akv-prod-keys']);
    expect(selectScopes(scopes, { finding: 'stale_secrets' }).map((s) => s.name)).toEqual(['prod-etl']);
    expect(selectScopes(scopes, { backend: 'AZURE_KEYVAULT' }).map((s) => s.name)).toEqual(['akv-prod-keys']);
    expect(selectScopes(scopes, {})).toHaveLength(3);
  });

  it('summarises every scope, counting what could not be seen', () => {
    expect(summarizeScopes(scopes)).toEqual({
      keys: 7,
      keyVault: 1,
      byLevel: { high: 1, medium: 0, low: 1 },
      byFinding: { all_users: 1, stale_secrets: 1, single_manager: 1 },
      keysHidden: 1,
      aclsHidden: 1,
    });
  });

  it('orders worst first, then by name', () => {
    expect([...scopes].sort(byRisk).map((s) => s.name)).toEqual(['prod-etl', 'ml-platform', 'akv-prod-keys']);
  });
});
