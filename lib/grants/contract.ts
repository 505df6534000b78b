// The grants area's contract: the matrix and question queries, the apply body (parts only: the browser never sends SQL
// text), the page's URL state, and a schema for every answer. Privileges are spelled as in SQL (`USE CATALOG`)
// whatever spelling a source returns. zod/mini: it ships.
import * as z from 'zod/mini';
import { principalSchema } from '@/lib/principals/contract';
import { PRINCIPAL_KINDS } from '@/lib/principals/rules';
import { orElse, toSearchParams } from '@/lib/url-state';
import { FINDING_CODES, FINDING_LEVELS } from './rules/findings';
import { PRIVILEGES, SECURABLE_TYPES, sqlPrivilege, type Privilege } from './rules/privileges';
import { DEFAULT_UNUSED_DAYS } from './rules/unused';

const list = (values: readonly string[]) => values.join(', ');

// URL forms send empty strings for cleared fields (absent); a repeated key arrives as an array (last wins).
const normalise = (v: unknown): unknown => {
  const one = Array.isArray(v) ? v.at(-1) : v;
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(normalise), z.optional(schema));

const CONTROL = /^[^\u0000-\u001f\u007f]*$/;
/** A catalog or schema name part: what Unity Catalog allows (no periods, spaces, slashes, backticks or control characters). */
const namePart = (field: string) =>
  z
    .string()
    .check(
      z.trim(),
      z.maxLength(255, `${field} is at most 255 characters`),
      z.regex(/^[^.\s/`\u0000-\u001f\u007f]+$/, `${field} must be one name, without periods, spaces or slashes`),
    );
const fullName = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .check(
      z.trim(),
      z.minLength(1, `${field} is required`),
      z.maxLength(800, `${field} is at most 800 characters`),
      z.regex(
        /^[^.\s/`\u0000-\u001f\u007f]+(\.[^.\s/`\u0000-\u001f\u007f]+){0,2}$/,
        `${field} must be a full name such as analytics.gold.sales`,
      ),
    );
const principalName = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .check(
      z.trim(),
      z.minLength(1, `${field} is required`),
      z.maxLength(255, `${field} is at most 255 characters`),
      z.regex(CONTROL, `${field} must not contain control characters`),
    );

/** A privilege in either spelling (`USE_CATALOG`, `use catalog`), answered in SQL's. */
export const privilegeSchema = z.pipe(
  z.pipe(z.string(), z.transform(sqlPrivilege)),
  z.enum(PRIVILEGES, { error: `privilege must be one of ${list(PRIVILEGES)}` }),
);

// ---- Queries ----

export const matrixQueryShape = {
  catalog: optional(namePart('catalog')),
  schema: optional(namePart('schema')),
  /** A person, service principal or group: the matrix shows it and the groups it is in. */
  principal: optional(principalName('principal')),
  principalType: optional(z.enum(PRINCIPAL_KINDS, { error: `principalType must be one of ${list(PRINCIPAL_KINDS)}` })),
  privilege: optional(privilegeSchema),
};
export const matrixQuerySchema = z
  .object(matrixQueryShape)
  .check(z.refine((q) => !q.schema || q.catalog, { error: 'schema needs catalog too', path: ['schema'] }));
export type MatrixQuery = z.output<typeof matrixQuerySchema>;

export const whoCanReadQuerySchema = z.object({ securable: fullName('securable') }).check(
  z.refine((q) => q.securable.split('.').length === 3, {
    error: 'securable must be a table, view or volume (catalog.schema.name)',
    path: ['securable'],
  }),
);
export const whatCanReadQuerySchema = z.object({ principal: principalName('principal') });
export const securableQuerySchema = z.object({
  type: z.enum(SECURABLE_TYPES, { error: `type must be one of ${list(SECURABLE_TYPES)}` }),
  name: fullName('name'),
});

const daysSchema = z.pipe(
  z.transform(normalise),
  z._default(
    z.coerce
      .number({ error: 'days must be a number of days' })
      .check(
        z.refine(Number.isInteger, 'days must be a whole number of days'),
        z.gte(7, 'days must be at least 7'),
        z.lte(365, 'days must be at most 365 (lineage is kept for a year)'),
      ),
    DEFAULT_UNUSED_DAYS,
  ),
);
export const findingsQuerySchema = z.object({ days: daysSchema });
export type FindingsQuery = z.output<typeof findingsQuerySchema>;

const csvOf = <T extends string>(values: readonly T[], field: string) =>
  z.pipe(
    z.string(),
    z.transform((s: string, ctx) => {
      const items = s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = items.find((v) => !(values as readonly string[]).includes(v));
      if (bad) {
        ctx.issues.push({ code: 'custom', message: `${field} takes a comma-separated list of ${list(values)}`, input: s });
        return z.NEVER;
      }
      return items as T[];
    }),
  );
export const scriptQuerySchema = z.object({
  format: z._default(z.enum(['sql', 'terraform'], { error: 'format must be sql or terraform' }), 'sql'),
  days: daysSchema,
  code: optional(csvOf(FINDING_CODES, 'code')),
  level: optional(csvOf(FINDING_LEVELS, 'level')),
});
export type ScriptQuery = z.output<typeof scriptQuerySchema>;

// ---- Apply: the parts of one GRANT or REVOKE ----

export const applyBody = z.object({
  action: z.enum(['GRANT', 'REVOKE'], { error: 'action must be GRANT or REVOKE' }),
  privileges: z
    .array(privilegeSchema, { error: 'privileges must be a list such as ["SELECT"]' })
    .check(z.minLength(1, 'choose at least one privilege'), z.maxLength(PRIVILEGES.length, 'too many privileges')),
  securableType: z.enum(SECURABLE_TYPES, { error: `securableType must be one of ${list(SECURABLE_TYPES)}` }),
  securable: fullName('securable'),
  principal: principalName('principal'),
  /** Answer the statement without running it. */
  dryRun: z.optional(z.boolean({ error: 'dryRun must be true or false' })),
});
export type ApplyBody = z.output<typeof applyBody>;

// ---- Responses ----

const noticeSchema = z.object({ code: z.string(), message: z.string() });
export type GrantsNotice = z.output<typeof noticeSchema>;

const securableSchema = z.object({
  fullName: z.string(),
  type: z.enum(SECURABLE_TYPES),
  owner: z.nullable(z.string()),
  /** The catalog or schema it sits in; null for a catalog. */
  parent: z.nullable(z.string()),
  /** Summary view: tables, views, volumes and functions inside a schema (fetched when the row is expanded). */
  objects: z.nullable(z.number()),
});
export type SecurableRow = z.output<typeof securableSchema>;

const grantSchema = z.object({
  principal: z.string(),
  securable: z.string(),
  privilege: z.string(),
  /** null: granted on this securable; else the catalog or schema it is inherited from. */
  inheritedFrom: z.nullable(z.string()),
});
export type GrantRow = z.output<typeof grantSchema>;

export const matrixResponseSchema = z.object({
  /** `summary`: catalogs and schemas, with grants on objects inside counted per schema; `catalog`: every object. */
  view: z.enum(['summary', 'catalog']),
  notices: z.array(noticeSchema),
  principals: z.array(principalSchema),
  securables: z.array(securableSchema),
  grants: z.array(grantSchema),
  /** Summary view: grants made on objects inside a schema, per principal and privilege. */
  childGrants: z.array(z.object({ principal: z.string(), securable: z.string(), privilege: z.string(), objects: z.number() })),
  /** SQL statements the view took (a fixed number, whatever the size of the metastore). */
  statements: z.number(),
  truncated: z.boolean(),
  readAt: z.number(),
});
export type MatrixResponse = z.output<typeof matrixResponseSchema>;

export const routeSchema = z.object({
  kind: z.enum(['grant', 'owner']),
  grantee: z.string(),
  securable: z.string(),
  privilege: z.string(),
  groups: z.array(z.string()),
});
export type RouteView = z.output<typeof routeSchema>;

export const whoCanReadResponseSchema = z.object({
  securable: z.object({ fullName: z.string(), type: z.enum(SECURABLE_TYPES), owner: z.nullable(z.string()) }),
  principals: z.array(z.extend(principalSchema, { via: z.array(routeSchema) })),
  notices: z.array(noticeSchema),
  statements: z.number(),
});
export type WhoCanReadResponse = z.output<typeof whoCanReadResponseSchema>;

export const whatCanReadResponseSchema = z.object({
  principal: principalSchema,
  /** Groups the principal is in, directly or nested (the all-users groups included). */
  groups: z.array(z.string()),
  securables: z.array(z.object({ fullName: z.string(), type: z.enum(SECURABLE_TYPES), via: z.array(routeSchema) })),
  notices: z.array(noticeSchema),
  statements: z.number(),
  truncated: z.boolean(),
});
export type WhatCanReadResponse = z.output<typeof whatCanReadResponseSchema>;

export const securableDetailSchema = z.object({
  fullName: z.string(),
  type: z.enum(SECURABLE_TYPES),
  owner: z.nullable(z.string()),
  /** SHOW GRANTS ON …: direct and inherited grants (objectKey names where each was made). */
  grants: z.array(
    z.object({ principal: z.string(), privilege: z.string(), objectType: z.nullable(z.string()), objectKey: z.nullable(z.string()) }),
  ),
  /** The exact statement run. */
  sql: z.string(),
});
export type SecurableDetail = z.output<typeof securableDetailSchema>;

export const fixSchema = z.object({
  action: z.enum(['GRANT', 'REVOKE']),
  privileges: z.array(z.string()),
  securableType: z.enum(SECURABLE_TYPES),
  securable: z.string(),
  principal: z.string(),
});

export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  level: z.enum(FINDING_LEVELS),
  text: z.string(),
  principal: z.nullable(z.string()),
  securable: z.nullable(z.string()),
  securableType: z.nullable(z.enum(SECURABLE_TYPES)),
  privilege: z.nullable(z.string()),
  fix: z.nullable(fixSchema),
  /** The exact statement that fixes it (as POST /api/grants/apply would run it). */
  sql: z.nullable(z.string()),
  evidence: z.optional(z.object({ days: z.number(), lastUsed: z.nullable(z.string()), lastUsedBy: z.nullable(z.string()) })),
});
export type FindingView = z.output<typeof findingSchema>;

export const findingsResponseSchema = z.object({
  findings: z.array(findingSchema),
  notices: z.array(noticeSchema),
  policy: z.object({
    configured: z.boolean(),
    /** The file's name (not its directory). */
    file: z.nullable(z.string()),
    error: z.nullable(z.object({ line: z.nullable(z.number()), message: z.string() })),
    principals: z.number(),
    catalogs: z.array(z.string()),
  }),
  lineage: z.object({ collected: z.boolean(), days: z.number() }),
  readAt: z.number(),
});
export type FindingsResponse = z.output<typeof findingsResponseSchema>;

export const applyResponseSchema = z.object({
  sql: z.string(),
  /** Brickwatch's own request id (the action log has it). */
  requestId: z.string(),
  dryRun: z.boolean(),
});
export type ApplyResponse = z.output<typeof applyResponseSchema>;

// ---- The /grants pages' URLs ----

/** Each tab is a route of its own, so a page loads only its own tab's code. */
export const GRANTS_TABS = ['matrix', 'findings', 'access'] as const;
export type GrantsTab = (typeof GRANTS_TABS)[number];
export const GRANTS_TAB_PATH: Record<GrantsTab, string> = {
  matrix: '/grants',
  findings: '/grants/findings',
  access: '/grants/access',
};

const pageShape = z.object({
  catalog: orElse(optional(namePart('catalog')), undefined),
  schema: orElse(optional(namePart('schema')), undefined),
  principal: orElse(optional(principalName('principal')), undefined),
  principalType: orElse(optional(z.enum(PRINCIPAL_KINDS)), undefined),
  privilege: orElse(optional(privilegeSchema), undefined),
  /** The securable whose detail (SHOW GRANTS) is open, as TYPE:full.name. */
  detail: orElse(optional(z.string().check(z.maxLength(900))), undefined),
  /** Who can read this table (access tab). */
  readable: orElse(optional(fullName('readable')), undefined),
  /** What this person can read (access tab). */
  reader: orElse(optional(principalName('reader')), undefined),
  days: orElse(daysSchema, DEFAULT_UNUSED_DAYS),
  code: orElse(optional(z.enum(FINDING_CODES)), undefined),
});
export type GrantsPageState = z.output<typeof pageShape>;
export const GRANTS_PAGE_DEFAULTS: GrantsPageState = { days: DEFAULT_UNUSED_DAYS };
const PAGE_KEYS = ['catalog', 'schema', 'principal', 'principalType', 'privilege', 'detail', 'readable', 'reader', 'days', 'code'] as const;

export function parseGrantsPage(raw: URLSearchParams | Record<string, string | string[] | undefined>): GrantsPageState {
  const obj: Record<string, unknown> = {};
  if (raw instanceof URLSearchParams) for (const k of PAGE_KEYS) obj[k] = raw.get(k) ?? undefined;
  else for (const k of PAGE_KEYS) obj[k] = raw[k];
  const parsed = z.safeParse(pageShape, obj);
  return parsed.success ? parsed.data : GRANTS_PAGE_DEFAULTS;
}

export const GRANTS_URL = {
  keys: PAGE_KEYS,
  parse: (raw: URLSearchParams) => parseGrantsPage(raw),
  serialize: (s: GrantsPageState) => toSearchParams(s, GRANTS_PAGE_DEFAULTS as Record<string, unknown>),
} as const;

/** A tab's address with the filters it shares with the others (a catalog, a principal, the lineage window). */
export function grantsHref(tab: GrantsTab, state: GrantsPageState): string {
  const query = GRANTS_URL.serialize(state).toString();
  return query ? `${GRANTS_TAB_PATH[tab]}?${query}` : GRANTS_TAB_PATH[tab];
}

/** Links made before the tabs became routes (`/grants?tab=findings&…`): the route that tab is now, or null. */
export function legacyGrantsTab(raw: Record<string, string | string[] | undefined>): GrantsTab | null {
  return raw.tab === 'findings' || raw.tab === 'access' ? raw.tab : null;
}

/** The matrix query a page state asks for. */
export function matrixQueryOf(s: GrantsPageState): MatrixQuery {
  return {
    catalog: s.catalog,
    schema: s.catalog ? s.schema : undefined,
    principal: s.principal,
    principalType: s.principalType,
    privilege: s.privilege as Privilege | undefined,
  };
}

export function matrixQueryString(q: MatrixQuery): string {
  return toSearchParams(q as Record<string, unknown>).toString();
}

/** How a securable is named in the action log and the Activity screen. */
export const securableTarget = (type: string, name: string) => `${type.toLowerCase()}:${name}`;
