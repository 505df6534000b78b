import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  createScopeBody,
  keyParams,
  parseScopeFilters,
  putAclBody,
  putSecretBody,
  scopeFiltersToSearchParams,
  scopeNameSchema,
} from './contract';

const message = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;

describe('secrets contract', () => {
  it('uses the one name rule, @ included, and names the field in the message', () => {
    expect(z.safeParse(scopeNameSchema(), 'alex.morgan@harborpine.com').success).toBe(true);
    expect(z.safeParse(scopeNameSchema(), '  prod-etl ').data).toBe('prod-etl');
    expect(message(z.safeParse(scopeNameSchema('scope'), ''))).toBe('scope is required');
    expect(message(z.safeParse(keyParams, { scope: 'a', key: 'b/c' }))).toBe(
      'The key in the address may only use letters, digits, dash, underscore and period',
    );
  });

  it('takes a Databricks scope, or a Key Vault scope with its vault, and nothing in between', () => {
    expect(z.safeParse(createScopeBody, { scope: 'ops' }).success).toBe(true);
    const vault = {
      resourceId: '/subscriptions/1234/resourceGroups/rg-data-prod/providers/Microsoft.KeyVault/vaults/kv-harborpine-ops',
      dnsName: 'https://kv-harborpine-ops.vault.azure.net/',
    };
    expect(z.safeParse(createScopeBody, { scope: 'ops', backend: 'AZURE_KEYVAULT', keyVault: vault }).success).toBe(true);
    expect(message(z.safeParse(createScopeBody, { scope: 'ops', backend: 'AZURE_KEYVAULT' }))).toContain('needs the vault’s resource id');
    expect(message(z.safeParse(createScopeBody, { scope: 'ops', keyVault: vault }))).toContain('only such a scope takes them');
    expect(message(z.safeParse(createScopeBody, { scope: 'ops', backend: 'AZURE_KEYVAULT', keyVault: { ...vault, dnsName: 'kv' } }))).toBe(
      'The Key Vault DNS name looks like https://<name>.vault.azure.net/',
    );
  });

  it('takes one value, text or base64 bytes, up to 128 KB, without echoing it in a message', () => {
    expect(z.safeParse(putSecretBody, { value: 'hunter2' }).success).toBe(true);
    expect(z.safeParse(putSecretBody, { bytesBase64: 'aHVudGVyMg==' }).success).toBe(true);
    expect(message(z.safeParse(putSecretBody, {}))).toBe('Send either a typed value or a file, not both');
    expect(message(z.safeParse(putSecretBody, { value: 'a', bytesBase64: 'YQ==' }))).toBe('Send either a typed value or a file, not both');
    expect(message(z.safeParse(putSecretBody, { bytesBase64: 'not base64!' }))).toBe('The file is not valid base64');
    expect(z.safeParse(putSecretBody, { value: 'x'.repeat(128 * 1024) }).success).toBe(true);
    const tooBig = z.safeParse(putSecretBody, { value: `hunter2${'x'.repeat(128 * 1024)}` });
    expect(message(tooBig)).toBe('The value is 131,079 bytes; Databricks takes at most 131,072 (128 KB)');
    expect(JSON.stringify(tooBig.error?.issues)).not.toContain('hunter2');
    expect(message(z.safeParse(putSecretBody, { bytesBase64: Buffer.alloc(128 * 1024 + 3).toString('base64') }))).toBe(
      'The value is 131,075 bytes; Databricks takes at most 131,072 (128 KB)',
    );
  });

  it('takes group names with slashes as principals, and only the three levels', () => {
    expect(z.safeParse(putAclBody, { principal: 'eu/data-team', permission: 'READ' }).success).toBe(true);
    expect(message(z.safeParse(putAclBody, { principal: ' ', permission: 'READ' }))).toBe('The principal is required');
    expect(message(z.safeParse(putAclBody, { principal: 'ops', permission: 'OWNER' }))).toBe('The permission is READ, WRITE or MANAGE');
  });

  it('round-trips the list filters and ignores blanks', () => {
    const parsed = parseScopeFilters(new URLSearchParams('q=prod&finding=all_users&backend=&other=1'));
    expect(parsed.data).toEqual({ q: 'prod', finding: 'all_users' });
    expect(scopeFiltersToSearchParams(parsed.data!).toString()).toBe('q=prod&finding=all_users');
    expect(parseScopeFilters(new URLSearchParams('finding=bad')).success).toBe(false);
  });
});
