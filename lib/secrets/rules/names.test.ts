import { describe, expect, it } from 'vitest';
import { base64Length, keyNameProblem, sameScope, scopeNameProblem, suggestName, utf8Length, valueSizeProblem } from './names';

describe('scope and key names', () => {
  it('accepts what Databricks accepts, @ in scope names included', () => {
    for (const ok of ['prod-etl', 'a', 'team_1.secrets', 'alex.morgan@harborpine.com', 'x'.repeat(128)])
      expect(scopeNameProblem(ok)).toBeNull();
    for (const ok of ['snowflake-password', 'API_KEY.v2', 'k'.repeat(128)]) expect(keyNameProblem(ok)).toBeNull();
  });

  it('refuses the rest with a reason in words', () => {
    expect(scopeNameProblem('')).toBe('The scope name is required');
    expect(scopeNameProblem('x'.repeat(129))).toBe('The scope name is at most 128 characters');
    expect(scopeNameProblem('prod etl')).toBe('The scope name may only use letters, digits, dash, underscore, period and @');
    expect(scopeNameProblem('a/b')).not.toBeNull();
    expect(keyNameProblem('user@example.com')).toBe('The key may only use letters, digits, dash, underscore and period');
    expect(keyNameProblem('', 'key')).toBe('key is required');
  });

  it('compares scope names without regard to case', () => {
    expect(sameScope('Prod-ETL', 'prod-etl')).toBe(true);
    expect(sameScope('prod-etl', 'prod-etl2')).toBe(false);
  });
});

describe('values', () => {
  it('counts UTF-8 bytes as Databricks does', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('€')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('reads the size of base64 and refuses what is not base64', () => {
    expect(base64Length('')).toBe(0);
    expect(base64Length('YQ==')).toBe(1);
    expect(base64Length('YWI=')).toBe(2);
    expect(base64Length('YWJj')).toBe(3);
    expect(base64Length('YWJj!')).toBeNull();
    expect(base64Length('YQ')).toBeNull();
  });

  it('takes 128 KB and not a byte more, and no empty value', () => {
    expect(valueSizeProblem(128 * 1024)).toBeNull();
    expect(valueSizeProblem(128 * 1024 + 1)).toBe('The value is 131,073 bytes; Databricks takes at most 131,072 (128 KB)');
    expect(valueSizeProblem(200 * 1024)).toBe('The value is 204,800 bytes; Databricks takes at most 131,072 (128 KB)');
    expect(valueSizeProblem(0)).toBe('The value is empty');
  });
});

describe('suggested names', () => {
  it('makes a valid name from free text', () => {
    expect(suggestName('claims-etl-shared', 'x')).toBe('claims-etl-shared');
    expect(suggestName("maya.chen's cluster 5", 'x')).toBe('maya.chen-s-cluster-5');
    expect(suggestName('***', 'cluster-secrets')).toBe('cluster-secrets');
    expect(scopeNameProblem(suggestName('A'.repeat(300), 'x'))).toBeNull();
  });
});
