// The seams over the areas' reads, with those reads stubbed: what each area could not read becomes a gap (never a
// silent pass), and what it found reaches the check in the check's shape (groups expanded, one item per grant).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { buildPrincipalIndex } from '@/lib/principals/rules';
import type { CheckContext } from '@/lib/posture/checks/define';

const reads = vi.hoisted(() => ({
  plain: vi.fn(),
  acls: vi.fn(),
  principals: vi.fn(),
  findings: vi.fn(),
  scan: vi.fn(),
  runs: vi.fn(),
}));
vi.mock('@/lib/secrets/server/plain', () => ({ loadPlainCredentials: reads.plain }));
vi.mock('@/lib/secrets/server/inventory', () => ({ loadScopeAcls: reads.acls }));
vi.mock('@/lib/principals/server/load', () => ({ loadPrincipals: reads.principals }));
vi.mock('@/lib/grants/server/findings', () => ({ collectFindings: reads.findings }));
vi.mock('@/lib/grants/server/read', () => ({ loadIndex: reads.principals }));
vi.mock('@/lib/code-scan/server/posture', () => ({ codeScanPostureInput: reads.scan }));
vi.mock('@/lib/store/code-scan-runs', () => ({ latestRuns: reads.runs }));

const { secretScopeAclsInput, secretsInConfigInput } = await import('./secrets');
const { spPrivilegesInput, ucLeastPrivilegeInput } = await import('./grants');
const { codeCredentialsInput } = await import('./code-scan');

const ctx = {
  ws: { host: 'https://adb-1.azuredatabricks.net' } as Workspace,
  now: 0,
  shared: {} as never,
  db: {} as never,
} as CheckContext;
const index = buildPrincipalIndex({
  users: [
    { id: '1', name: 'ana@harborpine.com', displayName: 'Ana Silva', active: true, kind: 'user' },
    { id: '2', name: 'ben@harborpine.com', displayName: 'Ben Okafor', active: false, kind: 'user' },
    { id: '3', name: 'app-1', displayName: 'etl-sp', active: true, kind: 'service_principal' },
  ],
  groups: [{ id: 'g', displayName: 'platform', memberIds: ['1', '2', '3'] }],
});
const forbidden = Object.assign(new Error('denied'), { status: 403 });

beforeEach(() => {
  vi.resetAllMocks();
  reads.principals.mockResolvedValue(index);
});

describe('secrets', () => {
  it('says which source and which view it could not read, and names each plain credential', async () => {
    reads.plain.mockResolvedValue({
      sources: { clusters: { checked: null, reason: 'HTTP 503 TEMPORARILY_UNAVAILABLE: busy' }, jobs: { checked: 4, reason: null } },
      notices: [{ code: 'partial_view', message: 'Only the clusters and jobs Databricks shows sp were checked.' }],
      findings: [{ objectType: 'job', objectId: '7', objectName: 'nightly', location: 'Task a · Spark config', name: 'fs.key' }],
    });
    expect(await secretsInConfigInput(ctx)).toEqual({
      findings: [{ objectKind: 'job', objectId: '7', objectName: 'nightly', location: 'Task a · Spark config', name: 'fs.key' }],
      gaps: [
        { text: 'The clusters could not be listed (HTTP 503 TEMPORARILY_UNAVAILABLE: busy)', needs: null },
        { text: 'Only the clusters and jobs Databricks shows sp were checked', needs: 'Workspace admin (to see every cluster and job)' },
      ],
    });
  });

  const scope = (name: string, acls: unknown) => ({ info: { name }, acls });
  it('expands groups managing a scope, leaves deactivated people out, and takes the strongest all-users permission', async () => {
    reads.acls.mockResolvedValue([
      scope('etl', {
        state: 'ok',
        value: [
          { principal: 'platform', permission: 'MANAGE' },
          { principal: 'users', permission: 'READ' },
          { principal: 'account users', permission: 'WRITE' },
        ],
      }),
      scope('hr', { state: 'denied', reason: 'HTTP 403 PERMISSION_DENIED' }),
      scope('ops', { state: 'failed', reason: 'HTTP 500' }),
    ]);
    expect(await secretScopeAclsInput(ctx)).toEqual({
      scopes: [{ scope: 'etl', usersPermission: 'WRITE', managers: ['Ana Silva', 'etl-sp'] }],
      gaps: [
        { text: 'The access list of the scope hr could not be read', needs: 'MANAGE on every scope (workspace admins have it)' },
        { text: 'The access list of the scope ops could not be read: Databricks failed', needs: null },
      ],
    });
  });

  it('does not count managers when the directory cannot be read, and says so', async () => {
    reads.acls.mockResolvedValue([scope('etl', { state: 'ok', value: [{ principal: 'ana@harborpine.com', permission: 'MANAGE' }] })]);
    reads.principals.mockRejectedValue(forbidden);
    const input = await secretScopeAclsInput(ctx);
    expect(input.scopes).toEqual([{ scope: 'etl', usersPermission: null, managers: null }]);
    expect(input.gaps).toEqual([{ text: expect.stringMatching(/^Managers could not be counted: the workspace directory/), needs: null }]);
  });

  it('throws when the scope list itself fails (the runner says why)', async () => {
    reads.acls.mockRejectedValue(forbidden);
    await expect(secretScopeAclsInput(ctx)).rejects.toBe(forbidden);
  });
});

describe('grants', () => {
  const finding = (code: string, level: string, principal: string, privilege: string, text = code) => ({
    code,
    level,
    text,
    principal,
    securable: 'main.gold',
    securableType: 'SCHEMA',
    privilege,
  });
  const response = (findings: unknown[], extra: object = {}) => ({
    response: { findings, notices: [], policy: { file: null, error: null }, ...extra },
    grants: [
      { principal: 'platform', securable: 'main', type: 'CATALOG', privilege: 'ALL PRIVILEGES' },
      { principal: 'users', securable: 'main', type: 'CATALOG', privilege: 'MANAGE' },
      { principal: 'app-1', securable: 'main.gold.t', type: 'TABLE', privilege: 'SELECT' },
    ],
  });

  it('lists one item per grant, its most severe finding first and a rule’s before the policy’s; USAGE apart; suggestions left out', async () => {
    reads.findings.mockResolvedValue(
      response([
        finding('policy_unmentioned', 'medium', 'ana@harborpine.com', 'MANAGE', 'not in the policy'),
        finding('privileged_non_admin', 'medium', 'ana@harborpine.com', 'MANAGE', 'not an admin'),
        finding('grant_to_person', 'low', 'ana@harborpine.com', 'SELECT'),
        finding('legacy_usage', 'medium', 'platform', 'USAGE'),
        { ...finding('lineage_not_collected', 'info', '', ''), principal: null, securable: null, privilege: null },
      ]),
    );
    const input = await ucLeastPrivilegeInput(ctx);
    expect(input.findings).toEqual([
      {
        key: 'grant:main.gold:ana@harborpine.com:MANAGE',
        code: 'privileged_non_admin',
        securable: 'main.gold',
        principal: 'ana@harborpine.com',
        privilege: 'MANAGE',
        reason: 'not an admin',
      },
    ]);
    expect(input.legacyUsage).toEqual([{ securable: 'main.gold', principal: 'platform' }]);
    expect(input.gaps).toEqual([]);
  });

  it('makes a broken policy file and a partial view gaps', async () => {
    reads.findings.mockResolvedValue(
      response([], {
        notices: [{ code: 'partial_view', message: 'You see only part.' }],
        policy: { file: 'grants.yaml', error: { line: 3, message: 'bad indent' } },
      }),
    );
    expect((await ucLeastPrivilegeInput(ctx)).gaps).toEqual([
      { text: 'You see only part', needs: 'Metastore admin, or ownership of the securables' },
      { text: 'The grants policy file grants.yaml could not be read (bad indent), so drift from it was not checked', needs: null },
    ]);
  });

  it('gives service principals their grants, directly and through groups (named), not those made to all users', async () => {
    reads.findings.mockResolvedValue(response([]));
    expect((await spPrivilegesInput(ctx)).grants).toEqual([
      {
        principal: 'app-1',
        displayName: 'etl-sp',
        securable: 'main',
        securableType: 'CATALOG',
        privilege: 'ALL PRIVILEGES',
        via: 'platform',
      },
      { principal: 'app-1', displayName: 'etl-sp', securable: 'main.gold.t', securableType: 'TABLE', privilege: 'SELECT', via: null },
    ]);
  });
});

describe('code scan', () => {
  const coverage = { unreadable: { permission: 2, size: 1, format: 5, error: 0 }, stale: 0 };
  it('is "no scan yet" before the first scan', async () => {
    reads.scan.mockResolvedValue({ collected: false, reason: 'no scan yet' });
    reads.runs.mockResolvedValue({ completed: null });
    expect(await codeCredentialsInput(ctx)).toMatchObject({ scannedAt: null, findings: [] });
  });

  it('makes objects it was refused a gap and counts the ones no scan can read apart', async () => {
    reads.scan.mockResolvedValue({
      collected: true,
      completedAt: '2026-06-14T12:00:00.000Z',
      actingAs: 'app-1',
      coverage,
      findings: [{ id: 'a'.repeat(32), path: '/Shared/x', line: 3, detector: 'password', preview: 'pa••' }],
    });
    reads.runs.mockResolvedValue({ completed: null });
    expect(await codeCredentialsInput(ctx)).toEqual({
      scannedAt: Date.parse('2026-06-14T12:00:00.000Z'),
      findings: [{ id: 'a'.repeat(32), path: '/Shared/x', line: 3, detector: 'Password', preview: 'pa••' }],
      gaps: [
        {
          text: '2 objects could not be read for lack of permission',
          needs: 'Workspace admin, or CAN_READ on every folder, notebook and repo',
        },
      ],
      unscannable: 6,
    });
  });
});
