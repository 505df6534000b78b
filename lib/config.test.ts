import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, normaliseHost } from './config';

const userMode = {
  DATABRICKS_HOST: 'dbc-1234.cloud.databricks.com',
  DATABRICKS_WAREHOUSE_ID: 'abc123',
  BRICKWATCH_OAUTH_CLIENT_ID: 'brickwatch-app',
  BRICKWATCH_OAUTH_CLIENT_SECRET: 'app-secret',
  NEXTAUTH_URL: 'https://brickwatch.example.com/',
  NEXTAUTH_SECRET: 'x'.repeat(32),
};
const serviceMode = {
  ...userMode,
  BRICKWATCH_IDENTITY_MODE: 'service',
  DATABRICKS_CLIENT_ID: 'sp-id',
  DATABRICKS_CLIENT_SECRET: 'sp-secret',
};

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env, '/srv/brickwatch');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to user mode with the default role groups and normalises the host', () => {
    const c = loadConfig(userMode, '/srv/brickwatch');
    expect(c.identityMode).toBe('user');
    expect(c.databricks).toEqual({
      host: 'https://dbc-1234.cloud.databricks.com',
      warehouseId: 'abc123',
      httpPath: '/sql/1.0/warehouses/abc123',
    });
    expect(c.roleGroups).toEqual({ admin: ['admins'], analyst: ['security-analysts'], manager: ['security-managers'] });
    expect(c.serviceAuth).toBeNull();
    expect(c.dataDir).toBe('/srv/brickwatch/.data');
    expect(c.auth).toEqual({ url: 'https://brickwatch.example.com', secret: 'x'.repeat(32), secureCookies: true });
  });

  it('takes the warehouse id out of an HTTP path and accepts an agreeing pair', () => {
    const { DATABRICKS_WAREHOUSE_ID: _, ...rest } = userMode;
    expect(loadConfig({ ...rest, DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/w9' }).databricks.warehouseId).toBe('w9');
    expect(loadConfig({ ...userMode, DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/abc123' }).databricks.httpPath).toBe(
      '/sql/1.0/warehouses/abc123',
    );
  });

  it('parses comma-separated role groups and a relative data dir', () => {
    const c = loadConfig({ ...userMode, BRICKWATCH_ANALYST_GROUPS: ' sec-team , soc ', BRICKWATCH_DATA_DIR: 'var/bw' }, '/srv');
    expect(c.roleGroups.analyst).toEqual(['sec-team', 'soc']);
    expect(c.dataDir).toBe('/srv/var/bw');
  });

  it('service mode prefers a service principal and needs a sign-in provider', () => {
    const c = loadConfig(serviceMode);
    expect(c.serviceAuth).toEqual({ kind: 'oauth-m2m', clientId: 'sp-id', clientSecret: 'sp-secret' });
    const { DATABRICKS_CLIENT_ID: _a, DATABRICKS_CLIENT_SECRET: _b, ...patEnv } = serviceMode;
    expect(loadConfig({ ...patEnv, DATABRICKS_TOKEN: 'dapi0123' }).serviceAuth).toEqual({ kind: 'pat', token: 'dapi0123' });
    const oidcOnly = {
      ...serviceMode,
      BRICKWATCH_OAUTH_CLIENT_ID: undefined,
      BRICKWATCH_OAUTH_CLIENT_SECRET: undefined,
      BRICKWATCH_OIDC_ISSUER: 'https://login.example.com',
      BRICKWATCH_OIDC_CLIENT_ID: 'c',
      BRICKWATCH_OIDC_CLIENT_SECRET: 's',
    };
    expect(loadConfig(oidcOnly).signIn).toEqual({
      databricks: null,
      oidc: { issuer: 'https://login.example.com', clientId: 'c', clientSecret: 's', name: 'Single sign-on', idClaim: null },
    });
  });

  it('matches OIDC sign-ins by a configured immutable claim, and by oid for Entra ID unless told otherwise', () => {
    const oidc = {
      ...serviceMode,
      BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com',
      BRICKWATCH_OIDC_CLIENT_ID: 'c',
      BRICKWATCH_OIDC_CLIENT_SECRET: 's',
    };
    expect(loadConfig({ ...oidc, BRICKWATCH_OIDC_ID_CLAIM: 'sub' }).signIn.oidc?.idClaim).toBe('sub');
    const entra = { ...oidc, BRICKWATCH_OIDC_ISSUER: 'https://login.microsoftonline.com/6f1c0d2e-0000-4000-8000-000000000001/v2.0' };
    expect(loadConfig(entra).signIn.oidc?.idClaim).toBe('oid');
    expect(loadConfig({ ...entra, BRICKWATCH_OIDC_ID_CLAIM: 'employee_id' }).signIn.oidc?.idClaim).toBe('employee_id');
    expect(loadConfig({ ...oidc, BRICKWATCH_OIDC_ISSUER: 'https://sts.windows.net/6f1c0d2e/' }).signIn.oidc?.idClaim).toBe('oid');
  });

  it.each([
    [{ ...userMode, DATABRICKS_HOST: undefined }, 'DATABRICKS_HOST', /is missing/],
    [{ ...userMode, DATABRICKS_HOST: '  ' }, 'DATABRICKS_HOST', /is missing/],
    [{ ...userMode, DATABRICKS_HOST: 'http://dbc.example.com' }, 'DATABRICKS_HOST', /https/],
    [{ ...userMode, DATABRICKS_WAREHOUSE_ID: undefined }, 'DATABRICKS_WAREHOUSE_ID', /DATABRICKS_HTTP_PATH/],
    [{ ...userMode, DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/other' }, 'DATABRICKS_HTTP_PATH', /different warehouse/],
    [{ ...userMode, DATABRICKS_HTTP_PATH: 'sql/1.0' }, 'DATABRICKS_HTTP_PATH', /starting with \//],
    [{ ...userMode, BRICKWATCH_IDENTITY_MODE: 'robot' }, 'BRICKWATCH_IDENTITY_MODE', /"user" or "service"/],
    [
      { ...userMode, BRICKWATCH_OAUTH_CLIENT_ID: undefined, BRICKWATCH_OAUTH_CLIENT_SECRET: undefined },
      'BRICKWATCH_OAUTH_CLIENT_ID',
      /user identity mode/,
    ],
    [
      {
        ...userMode,
        BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com',
        BRICKWATCH_OIDC_CLIENT_ID: 'c',
        BRICKWATCH_OIDC_CLIENT_SECRET: 's',
      },
      'BRICKWATCH_OIDC_ISSUER',
      /service/,
    ],
    [{ ...userMode, NEXTAUTH_URL: undefined }, 'NEXTAUTH_URL', /is missing/],
    [{ ...userMode, NEXTAUTH_URL: 'brickwatch' }, 'NEXTAUTH_URL', /absolute URL/],
    [{ ...userMode, NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET', /32 characters/],
    [{ ...userMode, NEXTAUTH_SECRET: undefined }, 'NEXTAUTH_SECRET', /is missing/],
    [{ ...userMode, BRICKWATCH_ADMIN_GROUPS: ' , ' }, 'BRICKWATCH_ADMIN_GROUPS', /at least one group/],
    [{ ...userMode, BRICKWATCH_LOG_LEVEL: 'loud' }, 'BRICKWATCH_LOG_LEVEL', /debug, info/],
    [{ ...serviceMode, DATABRICKS_CLIENT_SECRET: undefined }, 'DATABRICKS_CLIENT_SECRET', /is missing/],
    [{ ...serviceMode, DATABRICKS_TOKEN: 'dapi1' }, 'DATABRICKS_TOKEN', /not both/],
    [{ ...serviceMode, DATABRICKS_CLIENT_ID: undefined, DATABRICKS_CLIENT_SECRET: undefined }, 'DATABRICKS_CLIENT_ID', /service principal/],
    [
      { ...serviceMode, BRICKWATCH_OAUTH_CLIENT_ID: undefined, BRICKWATCH_OAUTH_CLIENT_SECRET: undefined },
      'BRICKWATCH_OAUTH_CLIENT_ID',
      /sign in/,
    ],
    [{ ...serviceMode, BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com' }, 'BRICKWATCH_OIDC_CLIENT_ID', /is missing/],
    [
      {
        ...serviceMode,
        BRICKWATCH_OIDC_ISSUER: 'http://idp.example.com',
        BRICKWATCH_OIDC_CLIENT_ID: 'c',
        BRICKWATCH_OIDC_CLIENT_SECRET: 's',
      },
      'BRICKWATCH_OIDC_ISSUER',
      /https/,
    ],
    [
      {
        ...serviceMode,
        BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com',
        BRICKWATCH_OIDC_CLIENT_ID: 'c',
        BRICKWATCH_OIDC_CLIENT_SECRET: 's',
        BRICKWATCH_OIDC_ID_CLAIM: 'email',
      },
      'BRICKWATCH_OIDC_ID_CLAIM',
      /never changes.*"email" can change/,
    ],
    [
      {
        ...serviceMode,
        BRICKWATCH_OIDC_ISSUER: 'https://idp.example.com',
        BRICKWATCH_OIDC_CLIENT_ID: 'c',
        BRICKWATCH_OIDC_CLIENT_SECRET: 's',
        BRICKWATCH_OIDC_ID_CLAIM: 'oid eq "x"',
      },
      'BRICKWATCH_OIDC_ID_CLAIM',
      /name of one identity-token claim/,
    ],
    [{ ...serviceMode, BRICKWATCH_OIDC_ID_CLAIM: 'oid' }, 'BRICKWATCH_OIDC_ID_CLAIM', /BRICKWATCH_OIDC_ISSUER/],
  ])('rejects a bad setting with one message naming the variable (%#)', (env, variable, detail) => {
    const e = errorOf(env);
    expect(e.variable).toBe(variable);
    expect(e.message).toMatch(new RegExp(`^Brickwatch configuration error: ${variable} `));
    expect(e.message).toMatch(detail);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('sizes upstream timeouts and rotation windows, with defaults, and names a bad value', () => {
    expect(loadConfig(userMode, '/srv')).toMatchObject({ upstreamTimeoutMs: 10_000, rotation: { settleMs: 120_000, confirmMs: 900_000 } });
    expect(
      loadConfig(
        {
          ...userMode,
          BRICKWATCH_ROTATION_SETTLE_SECONDS: '5',
          BRICKWATCH_ROTATION_CONFIRM_SECONDS: '30',
          BRICKWATCH_UPSTREAM_TIMEOUT_MS: '1500',
        },
        '/srv',
      ),
    ).toMatchObject({ upstreamTimeoutMs: 1500, rotation: { settleMs: 5_000, confirmMs: 30_000 } });
    expect(errorOf({ ...userMode, BRICKWATCH_ROTATION_SETTLE_SECONDS: 'two minutes' }).message).toBe(
      'Brickwatch configuration error: BRICKWATCH_ROTATION_SETTLE_SECONDS must be a whole number of seconds',
    );
    expect(errorOf({ ...userMode, BRICKWATCH_UPSTREAM_TIMEOUT_MS: '50' }).message).toMatch(/must be between 500 and 120000 milliseconds/);
  });

  it('resolves the grants policy file against the working directory and checks the masking schema', () => {
    expect(loadConfig(userMode, '/srv').grants).toEqual({ policyFile: null, maskSchema: 'main.governance' });
    expect(
      loadConfig({ ...userMode, BRICKWATCH_GRANTS_POLICY: 'policies/grants.yaml', BRICKWATCH_MASK_SCHEMA: 'security.masks' }, '/srv')
        .grants,
    ).toEqual({ policyFile: '/srv/policies/grants.yaml', maskSchema: 'security.masks' });
    expect(errorOf({ ...userMode, BRICKWATCH_MASK_SCHEMA: 'governance' }).message).toBe(
      'Brickwatch configuration error: BRICKWATCH_MASK_SCHEMA must be one schema as catalog.schema, e.g. main.governance',
    );
  });

  it('runs background work as the service identity, or in user mode only as a configured service principal', () => {
    expect(loadConfig(userMode, '/srv').backgroundAuth).toBeNull();
    expect(loadConfig({ ...userMode, DATABRICKS_CLIENT_ID: 'sp', DATABRICKS_CLIENT_SECRET: 's3cret' }, '/srv').backgroundAuth).toEqual({
      kind: 'oauth-m2m',
      clientId: 'sp',
      clientSecret: 's3cret',
    });
    const service = loadConfig(serviceMode, '/srv');
    expect(service.backgroundAuth).toEqual(service.serviceAuth);
  });

  it('never echoes a secret value in its message', () => {
    const e = errorOf({ ...userMode, NEXTAUTH_SECRET: 'hunter2-secret' });
    expect(e.message).not.toContain('hunter2');
  });
});

describe('the store and the action log key', () => {
  const asApp = { ...serviceMode, DATABRICKS_APP_NAME: 'brickwatch', DATABRICKS_APP_PORT: '8000' };
  const lakebase = { ...asApp, PGHOST: 'instance-1.database.cloud.databricks.com', PGDATABASE: 'databricks_postgres', PGUSER: 'sp-id' };
  const KEY = 'k'.repeat(40);

  it('keeps SQLite in the data directory by default', () => {
    expect(loadConfig(userMode, '/srv').store).toEqual({ kind: 'sqlite', file: '/srv/.data/brickwatch.db' });
  });

  it('selects Postgres with BRICKWATCH_DATABASE_URL, and refuses anything else there', () => {
    const url = 'postgres://brickwatch@db.internal:5432/brickwatch?sslmode=verify-full';
    expect(loadConfig({ ...userMode, BRICKWATCH_DATABASE_URL: url }).store).toEqual({ kind: 'postgres', url });
    expect(errorOf({ ...userMode, BRICKWATCH_DATABASE_URL: 'mysql://db/brickwatch' }).message).toBe(
      'Brickwatch configuration error: BRICKWATCH_DATABASE_URL must be a postgres:// URL, e.g. postgres://brickwatch@db.example.com:5432/brickwatch',
    );
  });

  it("selects Lakebase from a Databricks App's database resource, connecting as its service principal", () => {
    const endpoint = 'projects/brickwatch/branches/production/endpoints/primary';
    expect(loadConfig({ ...lakebase, LAKEBASE_ENDPOINT: endpoint }).store).toEqual({
      kind: 'lakebase',
      host: 'instance-1.database.cloud.databricks.com',
      port: 5432,
      database: 'databricks_postgres',
      user: 'sp-id',
      credential: { kind: 'endpoint', endpoint },
      auth: { kind: 'oauth-m2m', clientId: 'sp-id', clientSecret: 'sp-secret' },
    });
    expect(loadConfig({ ...lakebase, BRICKWATCH_LAKEBASE_INSTANCE: 'brickwatch-db' }).store).toMatchObject({
      credential: { kind: 'instance', instance: 'brickwatch-db' },
    });
    expect(errorOf({ ...lakebase, LAKEBASE_ENDPOINT: 'brickwatch' }).message).toMatch(
      /^Brickwatch configuration error: LAKEBASE_ENDPOINT must be a Lakebase endpoint, projects\/<project>/,
    );
  });

  it('refuses to start as a Databricks App without a database, in one line saying why', () => {
    const e = errorOf(asApp);
    expect(e.variable).toBe('BRICKWATCH_DATABASE_URL');
    expect(e.message).toMatch(
      /^Brickwatch configuration error: BRICKWATCH_DATABASE_URL is missing: as a Databricks App the app's disk is lost/,
    );
    expect(e.message).not.toContain('\n');
    expect(errorOf(lakebase).message).toMatch(/LAKEBASE_ENDPOINT is missing: the app has a database resource \(PGHOST is set\)/);
    expect(loadConfig({ ...asApp, BRICKWATCH_DATABASE_URL: 'postgres://db/bw' }).store.kind).toBe('postgres');
  });

  it('refuses contradictory or incomplete store settings', () => {
    expect(
      errorOf({ ...lakebase, LAKEBASE_ENDPOINT: 'projects/p/branches/b/endpoints/e', BRICKWATCH_DATABASE_URL: 'postgres://db/bw' })
        .variable,
    ).toBe('BRICKWATCH_DATABASE_URL');
    expect(errorOf({ ...userMode, BRICKWATCH_LAKEBASE_INSTANCE: 'db' }).variable).toBe('PGHOST');
    expect(errorOf({ ...userMode, BRICKWATCH_LAKEBASE_INSTANCE: 'db', PGHOST: 'h' }).message).toMatch(
      /DATABRICKS_CLIENT_ID is missing: Brickwatch connects to Lakebase as a service principal/,
    );
  });

  it('requires the action log key in production, from configuration, apart from the session secret', () => {
    expect(errorOf({ ...userMode, NODE_ENV: 'production' }).message).toMatch(
      /^Brickwatch configuration error: BRICKWATCH_ACTION_LOG_KEY is missing: in production the key that chains the action log comes from configuration/,
    );
    expect(loadConfig({ ...userMode, NODE_ENV: 'production', BRICKWATCH_ACTION_LOG_KEY: KEY }).actionLog.keySecret).toBe(KEY);
    expect(loadConfig(userMode).actionLog.keySecret).toBeNull();
    expect(errorOf({ ...userMode, BRICKWATCH_ACTION_LOG_KEY: 'short-key' }).message).toMatch(
      /BRICKWATCH_ACTION_LOG_KEY must be at least 32/,
    );
    expect(errorOf({ ...userMode, BRICKWATCH_ACTION_LOG_KEY: userMode.NEXTAUTH_SECRET }).message).toMatch(
      /must differ from NEXTAUTH_SECRET/,
    );
    expect(errorOf({ ...userMode, BRICKWATCH_ACTION_LOG_KEY: 'short-key' }).message).not.toContain('short-key');
  });

  it('anchors hourly into the brickwatch-anchors scope unless told otherwise', () => {
    expect(loadConfig(userMode).actionLog.anchor).toEqual({ scope: 'brickwatch-anchors', everyMs: 3_600_000 });
    expect(
      loadConfig({ ...userMode, BRICKWATCH_ANCHOR_SCOPE: 'sec-anchors', BRICKWATCH_ANCHOR_INTERVAL_SECONDS: '600' }).actionLog.anchor,
    ).toEqual({
      scope: 'sec-anchors',
      everyMs: 600_000,
    });
    expect(errorOf({ ...userMode, BRICKWATCH_ANCHOR_SCOPE: 'bad scope!' }).variable).toBe('BRICKWATCH_ANCHOR_SCOPE');
  });
  it('schedules code scans daily unless told otherwise; 0 turns them off', () => {
    expect(loadConfig(userMode).codeScan).toEqual({ everyMs: 86_400_000 });
    expect(loadConfig({ ...userMode, BRICKWATCH_CODE_SCAN_INTERVAL_HOURS: '6' }).codeScan).toEqual({ everyMs: 21_600_000 });
    expect(loadConfig({ ...userMode, BRICKWATCH_CODE_SCAN_INTERVAL_HOURS: '0' }).codeScan).toEqual({ everyMs: null });
    expect(errorOf({ ...userMode, BRICKWATCH_CODE_SCAN_INTERVAL_HOURS: '1000' }).variable).toBe('BRICKWATCH_CODE_SCAN_INTERVAL_HOURS');
  });
});

describe('normaliseHost', () => {
  it.each([
    ['adb-1.2.azuredatabricks.net', 'https://adb-1.2.azuredatabricks.net'],
    ['https://dbc-1.cloud.databricks.com/', 'https://dbc-1.cloud.databricks.com'],
    ['https://dbc-1.cloud.databricks.com/?o=123#x', 'https://dbc-1.cloud.databricks.com'],
    ['https://127.0.0.1:8443', 'https://127.0.0.1:8443'],
  ])('%s → %s', (raw, expected) => expect(normaliseHost(raw)).toBe(expected));
});
