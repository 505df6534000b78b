// The only reader of process.env in app/ and lib/. Everything is validated once, and a wrong or missing setting
// becomes ONE message that names the variable (instrumentation.ts stops `next start` with it).
import path from 'node:path';
import { z } from 'zod';

import { ConfigError } from './config-error';
import { actionLogConfig, storeConfig, type ActionLogConfig, type StoreConfig } from './config-store';
import { reportsConfig, type ReportsConfig } from './config-reports';
import type { Role } from './roles';

export { ConfigError };
export type { StoreConfig };

export type IdentityMode = 'user' | 'service';

export interface AppConfig {
  databricks: {
    /** Normalised: https://<host>, no trailing slash, no path. */
    host: string;
    warehouseId: string | null;
    /** /sql/1.0/warehouses/<id> or whatever DATABRICKS_HTTP_PATH says. */
    httpPath: string;
  };
  identityMode: IdentityMode;
  /** How Brickwatch authenticates in `service` mode; null in `user` mode. */
  serviceAuth: ServiceAuth | null;
  /**
   * Who background work acts as when nobody is signed in (rotation recovery, schedules): the service identity in
   * service mode; in user mode a service principal only when DATABRICKS_CLIENT_ID/_SECRET are set, else null (off).
   */
  backgroundAuth: ServiceAuth | null;
  /** Per-attempt timeout of every REST call to Databricks. */
  upstreamTimeoutMs: number;
  rotation: {
    /** How long a create or secret write whose answer was lost is checked before it is taken as not having happened. */
    settleMs: number;
    /** How long a token shown once waits for the admin's "I have stored it" before it is revoked again. */
    confirmMs: number;
  };
  signIn: {
    /** The Databricks OAuth app people sign in with (authorization code + PKCE). */
    databricks: { clientId: string; clientSecret: string | null } | null;
    /**
     * A generic OIDC provider (service mode only: its tokens cannot call Databricks). `idClaim` names an immutable
     * identity-token claim matched to the SCIM user's externalId; null matches a verified e-mail to the userName.
     */
    oidc: { issuer: string; clientId: string; clientSecret: string; name: string; idClaim: string | null } | null;
  };
  /** Group display names per role; a person gets the highest role any of their groups maps to. */
  roleGroups: Record<Role, string[]>;
  grants: {
    /** The intended-grants policy file (YAML or JSON), absolute; null when none is configured. */
    policyFile: string | null;
    /** The schema (catalog.schema) where data protection keeps masking functions. */
    maskSchema: string;
  };
  dataDir: string;
  /** The app's own store: SQLite in the data directory by default; Postgres (a server of your own, or Lakebase). */
  store: StoreConfig;
  actionLog: ActionLogConfig;
  /** Scheduled code scans (as the background identity): every `everyMs`, or null when turned off (interval 0). */
  codeScan: { everyMs: number | null };
  /** Weekly reports: the schedule, its time zone, and the optional delivery webhook (a secret). */
  reports: ReportsConfig;
  /** Running as a Databricks App (the platform sets DATABRICKS_APP_NAME and DATABRICKS_APP_PORT). */
  databricksApp: boolean;
  auth: { url: string; secret: string; secureCookies: boolean };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  production: boolean;
}

export type ServiceAuth = { kind: 'pat'; token: string } | { kind: 'oauth-m2m'; clientId: string; clientSecret: string };

type Env = Record<string, string | undefined>;

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const groupList = (fallback: string) =>
  optional.transform((v) =>
    (v ?? fallback)
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
  );

/** A whole number in [min, max], or `fallback` when unset. */
const seconds = (variable: string, unit: string, min: number, max: number, fallback: number) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number of ${unit}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be between ${min} and ${max} ${unit}`)
      .optional()
      .transform((n) => n ?? fallback),
  );

const schema = z.object({
  DATABRICKS_HOST: optional.pipe(
    z.string({ error: 'is missing: set it to your workspace URL, e.g. https://dbc-1234.cloud.databricks.com' }),
  ),
  DATABRICKS_TOKEN: optional,
  DATABRICKS_CLIENT_ID: optional,
  DATABRICKS_CLIENT_SECRET: optional,
  DATABRICKS_WAREHOUSE_ID: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, 'must be a SQL warehouse id (letters, digits, dashes)')
      .optional(),
  ),
  DATABRICKS_HTTP_PATH: optional.pipe(
    z.string().startsWith('/', 'must be an HTTP path starting with /, e.g. /sql/1.0/warehouses/abc123').optional(),
  ),
  BRICKWATCH_IDENTITY_MODE: optional.pipe(z.enum(['user', 'service'], { error: 'must be "user" or "service"' }).default('user')),
  BRICKWATCH_OAUTH_CLIENT_ID: optional,
  BRICKWATCH_OAUTH_CLIENT_SECRET: optional,
  BRICKWATCH_OIDC_ISSUER: optional.pipe(z.url({ protocol: /^https$/, error: 'must be an https:// issuer URL' }).optional()),
  BRICKWATCH_OIDC_CLIENT_ID: optional,
  BRICKWATCH_OIDC_CLIENT_SECRET: optional,
  BRICKWATCH_OIDC_NAME: optional,
  BRICKWATCH_OIDC_ID_CLAIM: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/, 'must be the name of one identity-token claim, e.g. oid')
      .optional(),
  ),
  BRICKWATCH_ADMIN_GROUPS: groupList('admins'),
  BRICKWATCH_ANALYST_GROUPS: groupList('security-analysts'),
  BRICKWATCH_MANAGER_GROUPS: groupList('security-managers'),
  BRICKWATCH_DATA_DIR: optional,
  BRICKWATCH_UPSTREAM_TIMEOUT_MS: seconds('BRICKWATCH_UPSTREAM_TIMEOUT_MS', 'milliseconds', 500, 120_000, 10_000),
  BRICKWATCH_ROTATION_SETTLE_SECONDS: seconds('BRICKWATCH_ROTATION_SETTLE_SECONDS', 'seconds', 1, 3_600, 120),
  BRICKWATCH_ROTATION_CONFIRM_SECONDS: seconds('BRICKWATCH_ROTATION_CONFIRM_SECONDS', 'seconds', 1, 86_400, 900),
  BRICKWATCH_GRANTS_POLICY: optional,
  BRICKWATCH_MASK_SCHEMA: optional.pipe(
    z
      .string()
      .regex(/^[^.\s/`]+\.[^.\s/`]+$/, 'must be one schema as catalog.schema, e.g. main.governance')
      .default('main.governance'),
  ),
  BRICKWATCH_LOG_LEVEL: optional.pipe(
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }).default('info'),
  ),
  NEXTAUTH_URL: optional
    .pipe(z.string({ error: 'is missing: set it to the URL people open Brickwatch at, e.g. https://brickwatch.example.com' }))
    .pipe(
      z.url({ protocol: /^https?$/, error: 'must be the absolute URL people open Brickwatch at, e.g. https://brickwatch.example.com' }),
    ),
  NEXTAUTH_SECRET: optional.pipe(
    z
      .string({ error: 'is missing: set it to a random string of at least 32 characters (openssl rand -base64 32)' })
      .min(32, 'must be at least 32 characters (openssl rand -base64 32)'),
  ),
  BRICKWATCH_DATABASE_URL: optional.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/./, 'must be a postgres:// URL, e.g. postgres://brickwatch@db.example.com:5432/brickwatch')
      .optional(),
  ),
  // Set by Databricks Apps for the app's first database resource (Lakebase), or by hand for Lakebase elsewhere.
  PGHOST: optional,
  PGPORT: optional.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number')
      .transform(Number)
      .optional(),
  ),
  PGDATABASE: optional,
  PGUSER: optional,
  LAKEBASE_ENDPOINT: optional.pipe(
    z
      .string()
      .regex(
        /^projects\/[^/]+\/branches\/[^/]+\/endpoints\/[^/]+$/,
        'must be a Lakebase endpoint, projects/<project>/branches/<branch>/endpoints/<endpoint>',
      )
      .optional(),
  ),
  BRICKWATCH_LAKEBASE_INSTANCE: optional,
  DATABRICKS_APP_NAME: optional,
  DATABRICKS_APP_PORT: optional,
  BRICKWATCH_ACTION_LOG_KEY: optional.pipe(z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional()),
  BRICKWATCH_ANCHOR_SCOPE: optional.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be a secret scope name (letters, digits, dash, underscore, period)')
      .default('brickwatch-anchors'),
  ),
  BRICKWATCH_ANCHOR_INTERVAL_SECONDS: seconds('BRICKWATCH_ANCHOR_INTERVAL_SECONDS', 'seconds', 60, 86_400, 3_600),
  BRICKWATCH_CODE_SCAN_INTERVAL_HOURS: seconds('BRICKWATCH_CODE_SCAN_INTERVAL_HOURS', 'hours', 0, 720, 24),
  BRICKWATCH_REPORT_CRON: optional,
  BRICKWATCH_REPORT_TIME_ZONE: optional,
  BRICKWATCH_REPORT_WEBHOOK_URL: optional,
  NODE_ENV: optional,
});

// Claims a person or an administrator can change, or that another account can come to hold: never an identity key.
const MUTABLE_CLAIMS = new Set([
  'email',
  'preferred_username',
  'upn',
  'unique_name',
  'name',
  'given_name',
  'family_name',
  'nickname',
  'login_hint',
]);

/** Microsoft Entra ID (all clouds): it never sends email_verified for organisational accounts, so `oid` is the key. */
export function isEntraIssuer(issuer: string): boolean {
  const host = new URL(issuer).hostname.toLowerCase();
  return /^login\.(microsoftonline\.(com|us)|partner\.microsoftonline\.cn|chinacloudapi\.cn)$/.test(host) || host === 'sts.windows.net';
}

function oidcIdClaim(issuer: string | undefined, claim: string | undefined): string | null {
  if (claim && !issuer) {
    throw new ConfigError('BRICKWATCH_OIDC_ID_CLAIM', 'is set, but no OIDC provider is: set BRICKWATCH_OIDC_ISSUER too, or remove it');
  }
  if (claim && MUTABLE_CLAIMS.has(claim.toLowerCase())) {
    throw new ConfigError(
      'BRICKWATCH_OIDC_ID_CLAIM',
      `must name a claim that never changes for a person and is never re-assigned (e.g. oid for Entra ID, or sub); "${claim}" can change`,
    );
  }
  if (!issuer) return null;
  return claim ?? (isEntraIssuer(issuer) ? 'oid' : null);
}

/** Accepts a bare hostname (Databricks Apps may inject one) and strips paths/query the way the SDKs do. */
export function normaliseHost(raw: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError('DATABRICKS_HOST', `is not a valid URL: "${raw}"`);
  }
  if (url.protocol !== 'https:') throw new ConfigError('DATABRICKS_HOST', 'must use https://');
  return `https://${url.host}`;
}

function warehouse(id: string | undefined, httpPath: string | undefined): Pick<AppConfig['databricks'], 'warehouseId' | 'httpPath'> {
  if (!id && !httpPath) {
    throw new ConfigError(
      'DATABRICKS_WAREHOUSE_ID',
      'is missing: set it (or DATABRICKS_HTTP_PATH) to the SQL warehouse Brickwatch queries',
    );
  }
  if (id && httpPath && !httpPath.replace(/\/+$/, '').endsWith(`/${id}`)) {
    throw new ConfigError(
      'DATABRICKS_HTTP_PATH',
      `points at a different warehouse than DATABRICKS_WAREHOUSE_ID (${id}); set only one of them`,
    );
  }
  return { warehouseId: id ?? httpPath?.match(/\/warehouses\/([^/?]+)/)?.[1] ?? null, httpPath: httpPath ?? `/sql/1.0/warehouses/${id}` };
}

function both(
  env: z.infer<typeof schema>,
  a: 'DATABRICKS_CLIENT_ID' | 'BRICKWATCH_OIDC_CLIENT_ID',
  b: 'DATABRICKS_CLIENT_SECRET' | 'BRICKWATCH_OIDC_CLIENT_SECRET',
) {
  if (env[a] && !env[b]) throw new ConfigError(b, `is missing: ${a} is set, so its secret is needed too`);
  if (env[b] && !env[a]) throw new ConfigError(a, `is missing: ${b} is set, so its client id is needed too`);
}

/** Pure: validates an environment and returns the typed configuration, or throws one ConfigError. */
export function loadConfig(raw: Env, cwd = process.cwd()): AppConfig {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'configuration');
    const detail = /^(is|must) /.test(issue.message) ? issue.message : `is invalid: ${issue.message}`;
    throw new ConfigError(variable, detail);
  }
  const env = parsed.data;
  const host = normaliseHost(env.DATABRICKS_HOST);
  const mode = env.BRICKWATCH_IDENTITY_MODE;
  both(env, 'DATABRICKS_CLIENT_ID', 'DATABRICKS_CLIENT_SECRET');
  both(env, 'BRICKWATCH_OIDC_CLIENT_ID', 'BRICKWATCH_OIDC_CLIENT_SECRET');
  if (env.BRICKWATCH_OIDC_ISSUER && !env.BRICKWATCH_OIDC_CLIENT_ID) {
    throw new ConfigError(
      'BRICKWATCH_OIDC_CLIENT_ID',
      'is missing: BRICKWATCH_OIDC_ISSUER is set, so the OIDC client id and secret are needed too',
    );
  }
  if (env.BRICKWATCH_OIDC_CLIENT_ID && !env.BRICKWATCH_OIDC_ISSUER) {
    throw new ConfigError('BRICKWATCH_OIDC_ISSUER', 'is missing: BRICKWATCH_OIDC_CLIENT_ID is set, so the issuer URL is needed too');
  }
  if (env.BRICKWATCH_OAUTH_CLIENT_SECRET && !env.BRICKWATCH_OAUTH_CLIENT_ID) {
    throw new ConfigError(
      'BRICKWATCH_OAUTH_CLIENT_ID',
      'is missing: BRICKWATCH_OAUTH_CLIENT_SECRET is set, so the OAuth app client id is needed too',
    );
  }

  const idClaim = oidcIdClaim(env.BRICKWATCH_OIDC_ISSUER, env.BRICKWATCH_OIDC_ID_CLAIM);

  let serviceAuth: AppConfig['serviceAuth'] = null;
  if (mode === 'user') {
    if (!env.BRICKWATCH_OAUTH_CLIENT_ID) {
      throw new ConfigError(
        'BRICKWATCH_OAUTH_CLIENT_ID',
        'is missing: in user identity mode people sign in with a Databricks OAuth app; set its client id (or set BRICKWATCH_IDENTITY_MODE=service)',
      );
    }
    if (env.BRICKWATCH_OIDC_ISSUER) {
      throw new ConfigError(
        'BRICKWATCH_OIDC_ISSUER',
        "only works with BRICKWATCH_IDENTITY_MODE=service: tokens from another identity provider cannot call Databricks on the person's behalf",
      );
    }
  } else {
    // Databricks unified auth picks a PAT before OAuth M2M; with both present the intent is ambiguous, so refuse.
    if (env.DATABRICKS_TOKEN && env.DATABRICKS_CLIENT_ID) {
      throw new ConfigError(
        'DATABRICKS_TOKEN',
        'and DATABRICKS_CLIENT_ID are both set: in service mode use either a token or a service principal, not both',
      );
    }
    if (env.DATABRICKS_TOKEN) serviceAuth = { kind: 'pat', token: env.DATABRICKS_TOKEN };
    else if (env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET) {
      serviceAuth = { kind: 'oauth-m2m', clientId: env.DATABRICKS_CLIENT_ID, clientSecret: env.DATABRICKS_CLIENT_SECRET };
    } else {
      throw new ConfigError(
        'DATABRICKS_CLIENT_ID',
        'is missing: service identity mode needs a service principal (DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET) or DATABRICKS_TOKEN',
      );
    }
    if (!env.BRICKWATCH_OAUTH_CLIENT_ID && !env.BRICKWATCH_OIDC_ISSUER) {
      throw new ConfigError(
        'BRICKWATCH_OAUTH_CLIENT_ID',
        'is missing: people need a way to sign in; set the Databricks OAuth app (BRICKWATCH_OAUTH_CLIENT_ID) or an OIDC provider (BRICKWATCH_OIDC_ISSUER)',
      );
    }
  }

  const roleGroups = { admin: env.BRICKWATCH_ADMIN_GROUPS, analyst: env.BRICKWATCH_ANALYST_GROUPS, manager: env.BRICKWATCH_MANAGER_GROUPS };
  for (const [role, variable] of [
    ['admin', 'BRICKWATCH_ADMIN_GROUPS'],
    ['analyst', 'BRICKWATCH_ANALYST_GROUPS'],
    ['manager', 'BRICKWATCH_MANAGER_GROUPS'],
  ] as const) {
    if (roleGroups[role].length === 0) throw new ConfigError(variable, 'is empty: list at least one group name (comma-separated)');
  }

  const authUrl = new URL(env.NEXTAUTH_URL);
  const backgroundAuth: ServiceAuth | null =
    serviceAuth ??
    (env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET
      ? { kind: 'oauth-m2m', clientId: env.DATABRICKS_CLIENT_ID, clientSecret: env.DATABRICKS_CLIENT_SECRET }
      : null);
  const dataDir = path.resolve(cwd, env.BRICKWATCH_DATA_DIR ?? '.data');
  const databricksApp = Boolean(env.DATABRICKS_APP_NAME || env.DATABRICKS_APP_PORT);
  const production = env.NODE_ENV === 'production';
  return {
    databricks: { host, ...warehouse(env.DATABRICKS_WAREHOUSE_ID, env.DATABRICKS_HTTP_PATH) },
    identityMode: mode,
    serviceAuth,
    signIn: {
      databricks: env.BRICKWATCH_OAUTH_CLIENT_ID
        ? { clientId: env.BRICKWATCH_OAUTH_CLIENT_ID, clientSecret: env.BRICKWATCH_OAUTH_CLIENT_SECRET ?? null }
        : null,
      oidc:
        env.BRICKWATCH_OIDC_ISSUER && env.BRICKWATCH_OIDC_CLIENT_ID && env.BRICKWATCH_OIDC_CLIENT_SECRET
          ? {
              issuer: env.BRICKWATCH_OIDC_ISSUER,
              clientId: env.BRICKWATCH_OIDC_CLIENT_ID,
              clientSecret: env.BRICKWATCH_OIDC_CLIENT_SECRET,
              name: env.BRICKWATCH_OIDC_NAME ?? 'Single sign-on',
              idClaim,
            }
          : null,
    },
    backgroundAuth,
    upstreamTimeoutMs: env.BRICKWATCH_UPSTREAM_TIMEOUT_MS,
    rotation: { settleMs: env.BRICKWATCH_ROTATION_SETTLE_SECONDS * 1000, confirmMs: env.BRICKWATCH_ROTATION_CONFIRM_SECONDS * 1000 },
    roleGroups,
    grants: {
      policyFile: env.BRICKWATCH_GRANTS_POLICY ? path.resolve(cwd, env.BRICKWATCH_GRANTS_POLICY) : null,
      maskSchema: env.BRICKWATCH_MASK_SCHEMA,
    },
    dataDir,
    store: storeConfig(env, dataDir, databricksApp, backgroundAuth),
    actionLog: actionLogConfig(env, production),
    codeScan: { everyMs: env.BRICKWATCH_CODE_SCAN_INTERVAL_HOURS ? env.BRICKWATCH_CODE_SCAN_INTERVAL_HOURS * 3_600_000 : null },
    reports: reportsConfig(env),
    databricksApp,
    auth: { url: authUrl.origin, secret: env.NEXTAUTH_SECRET, secureCookies: authUrl.protocol === 'https:' },
    logLevel: env.BRICKWATCH_LOG_LEVEL,
    production,
  };
}

let cached: AppConfig | undefined;

/** The validated configuration of this process (lazy, so `next build` never needs a workspace). */
export function getConfig(): AppConfig {
  cached ??= loadConfig(process.env);
  return cached;
}

/** `next dev` (React's dev tooling needs eval in the CSP); readable by proxy.ts without a valid configuration. */
export function developmentServer(): boolean {
  return process.env.NODE_ENV === 'development';
}

/** Log level alone, readable before the full configuration is valid (the logger must work to report the error). */
export function logLevelFromEnv(): string | undefined {
  return process.env.BRICKWATCH_LOG_LEVEL;
}
