import { describe, expect, it } from 'vitest';
import { fixFor, suggestedKey, suggestedScope, type FixInput } from './fix';

const base: FixInput = {
  detector: 'databricks-token',
  variable: 'DATABRICKS_TOKEN',
  context: 'code',
  language: 'PYTHON',
  path: '/Users/sam.rivera@harborpine.com/scratch/claims_api_backfill',
  inGitFolder: false,
};

describe('the fix for a finding', () => {
  it('suggests a scope from the folder and a key from the variable', () => {
    expect(suggestedScope('/Users/sam.rivera@harborpine.com/scratch/x')).toBe('sam.rivera');
    expect(suggestedScope('/Repos/data-platform/pipelines/telematics-ingest/extract')).toBe('data-platform');
    expect(suggestedScope('/Shared/finance/month_end/gl_snapshot_loader')).toBe('finance');
    expect(suggestedScope('/Shared/loose_notebook')).toBe('shared');
    expect(suggestedKey('DATABRICKS_TOKEN', 'databricks-token')).toBe('databricks-token');
    expect(suggestedKey('dbPassword', 'password')).toBe('db-password');
    expect(suggestedKey('fs.azure.account.key.x.dfs.core.windows.net', 'azure-storage-account-key')).toBe('azure-storage-account-key');
    expect(suggestedKey(null, 'generic-secret')).toBe('secret');
  });

  it('gives the exact Python lookup, the CLI commands, and the SDK hint for a Databricks token', () => {
    const fix = fixFor(base);
    expect(fix.snippet).toBe('DATABRICKS_TOKEN = dbutils.secrets.get(scope="sam.rivera", key="databricks-token")');
    expect(fix.snippetLanguage).toBe('python');
    expect(fix.setup).toBe('databricks secrets create-scope sam.rivera\ndatabricks secrets put-secret sam.rivera databricks-token');
    expect(fix.steps[0]).toMatch(/^Rotate this Databricks personal access token/);
    expect(fix.steps.join(' ')).toContain('WorkspaceClient()');
  });

  it('speaks each language', () => {
    expect(fixFor({ ...base, detector: 'password', variable: 'PWD', language: 'R' }).snippet).toBe(
      'PWD = dbutils.secrets.get(scope = "sam.rivera", key = "pwd")',
    );
    expect(
      fixFor({ ...base, detector: 'azure-storage-account-key', variable: 'fs.azure.account.key.a.dfs.core.windows.net', language: 'SCALA' })
        .snippet,
    ).toMatch(
      /^spark\.conf\.set\("fs\.azure\.account\.key\.a\.dfs\.core\.windows\.net", dbutils\.secrets\.get\(scope = "sam\.rivera", key = "azure-storage-account-key"\)\)/,
    );
    expect(fixFor({ ...base, detector: 'jdbc-password', variable: null, language: 'SQL' }).snippet).toContain(
      "password secret('sam.rivera', 'jdbc-password')",
    );
    expect(fixFor({ ...base, detector: 'generic-secret', variable: null, language: 'SQL' }).snippet).toBe("secret('sam.rivera', 'secret')");
    expect(fixFor({ ...base, variable: 'token', language: 'SCALA' }).snippet).toBe(
      'val token = dbutils.secrets.get(scope = "sam.rivera", key = "token")',
    );
  });

  it('moves a %sh token into a cluster environment variable and a comment is deleted', () => {
    const shell = fixFor({ ...base, variable: null, context: 'shell' });
    expect(shell.snippetLanguage).toBe('shell');
    expect(shell.snippet).toContain('DATABRICKS_TOKEN={{secrets/sam.rivera/databricks-token}}');
    expect(fixFor({ ...base, context: 'comment' }).steps[1]).toMatch(/^Delete the line/);
  });

  it('mentions the Git history for objects in Git folders', () => {
    expect(fixFor({ ...base, inGitFolder: true }).steps[0]).toContain("Git repository's history");
  });
});
