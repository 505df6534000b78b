// The secrets area's contract: the one validator for scope and key names and values (used by the forms, the routes and
// the token rotation's delivery), request bodies, URL state, and every response the browser parses. zod/mini: it ships.
import * as z from 'zod/mini';
import { principalSchema } from '@/lib/principals/contract';
import { ACL_PRINCIPAL_KINDS, FINDING_CODES, FINDING_LEVELS, PERMISSIONS, PRINCIPAL_STATUSES, type FindingCode } from './rules/findings';
import { scopeNameSchema, secretKeySchema } from './name-schemas';
import { base64Length, utf8Length, valueSizeProblem } from './rules/names';

export { MAX_SECRET_BYTES, SCOPE_NAME, KEY_NAME } from './rules/names';

// ---- Names and values ----

export { scopeNameSchema, secretKeySchema } from './name-schemas';

export const BACKENDS = ['DATABRICKS', 'AZURE_KEYVAULT'] as const;
export type Backend = (typeof BACKENDS)[number];

const KEY_VAULT_ID = /^\/subscriptions\/[^/\s]+\/resourceGroups\/[^/\s]+\/providers\/Microsoft\.KeyVault\/vaults\/[A-Za-z0-9-]{3,24}$/i;
const KEY_VAULT_DNS = /^https:\/\/[A-Za-z0-9-]{3,24}\.vault\.[a-z0-9.-]+\/?$/i;

export const createScopeBody = z
  .object({
    scope: scopeNameSchema(),
    backend: z.optional(z.enum(BACKENDS, { error: 'The backend is DATABRICKS or AZURE_KEYVAULT' })),
    keyVault: z.optional(
      z.object({
        resourceId: z.string({ error: 'The Key Vault resource id is required' }).check(
          z.trim(),
          z.regex(KEY_VAULT_ID, {
            error: 'The Key Vault resource id looks like /subscriptions/…/resourceGroups/…/providers/Microsoft.KeyVault/vaults/<name>',
          }),
        ),
        dnsName: z
          .string({ error: 'The Key Vault DNS name is required' })
          .check(z.trim(), z.regex(KEY_VAULT_DNS, { error: 'The Key Vault DNS name looks like https://<name>.vault.azure.net/' })),
      }),
    ),
  })
  .check(
    z.refine((b) => (b.backend === 'AZURE_KEYVAULT') === (b.keyVault !== undefined), {
      error: 'A Key Vault-backed scope needs the vault’s resource id and DNS name, and only such a scope takes them',
      path: ['keyVault'],
    }),
  );
export type CreateScopeBody = z.output<typeof createScopeBody>;

export const deleteScopeBody = z.object({ confirm: z.string({ error: 'Type the scope name to confirm' }).check(z.trim()) });

/** A value typed (stored as UTF-8) or uploaded (bytes, base64), at most 128 KB once decoded. Never echoed. */
export const putSecretBody = z
  .object({
    value: z.optional(z.string({ error: 'The value must be text' })),
    bytesBase64: z.optional(z.string({ error: 'The file must be sent as base64 text' })),
  })
  .check(
    z.superRefine((b, ctx) => {
      if ((b.value === undefined) === (b.bytesBase64 === undefined)) {
        ctx.issues.push({ code: 'custom', message: 'Send either a typed value or a file, not both', input: '', path: ['value'] });
        return;
      }
      const bytes = b.value !== undefined ? utf8Length(b.value) : base64Length(b.bytesBase64!);
      if (bytes === null) {
        ctx.issues.push({ code: 'custom', message: 'The file is not valid base64', input: '', path: ['bytesBase64'] });
        return;
      }
      const problem = valueSizeProblem(bytes);
      if (problem)
        ctx.issues.push({ code: 'custom', message: problem, input: '', path: [b.value !== undefined ? 'value' : 'bytesBase64'] });
    }),
  );
export type PutSecretBody = z.output<typeof putSecretBody>;

const permission = z.enum(PERMISSIONS, { error: 'The permission is READ, WRITE or MANAGE' });
/** User names, group names (which may hold "/") and service principal application ids. */
const principalName = z
  .string({ error: 'The principal is required' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'The principal is required' }),
    z.maxLength(256, { error: 'The principal is at most 256 characters' }),
  );

export const putAclBody = z.object({ principal: principalName, permission });
export type PutAclBody = z.output<typeof putAclBody>;
export const deleteAclBody = z.object({ principal: principalName });

export const scopeParams = z.object({ scope: scopeNameSchema('The scope name in the address') });
export const keyParams = z.object({
  scope: scopeNameSchema('The scope name in the address'),
  key: secretKeySchema('The key in the address'),
});

export const principalsQuery = z.object({
  q: z._default(z.string().check(z.trim(), z.maxLength(200, { error: 'The search is at most 200 characters' })), ''),
});

/** How a scope, a secret and an ACL entry are named in the action log and the Activity screen. */
export const scopeTarget = (scope: string) => `secret-scope:${scope}`;
export const secretTarget = (scope: string, key: string) => `secret:${scope}/${key}`;
export const aclTarget = (scope: string, principal: string) => `secret-acl:${scope}:${principal}`;

// ---- URL state: the scope list's filters, one schema for the page URL and for GET /api/secrets/scopes ----

const filtersShape = z.object({
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, { error: 'The search is at most 200 characters' }))),
  finding: z.optional(z.enum(FINDING_CODES, { error: `finding must be one of ${FINDING_CODES.join(', ')}` })),
  backend: z.optional(z.enum(BACKENDS, { error: 'backend must be DATABRICKS or AZURE_KEYVAULT' })),
});
export type ScopeFilters = z.output<typeof filtersShape>;
export const DEFAULT_SCOPE_FILTERS: ScopeFilters = {};

/** Blank values are dropped before parsing, so `?q=` is no filter rather than an error. */
export const scopeFiltersSchema = z.pipe(
  z.transform((v: unknown) =>
    v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => typeof x !== 'string' || x.trim() !== ''))
      : v,
  ),
  filtersShape,
);

export function scopeFiltersToSearchParams(f: ScopeFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.finding) p.set('finding', f.finding);
  if (f.backend) p.set('backend', f.backend);
  return p;
}

export function parseScopeFilters(raw: URLSearchParams | Record<string, string | string[] | undefined>) {
  const record: Record<string, string> = {};
  const entries = raw instanceof URLSearchParams ? [...raw.entries()] : Object.entries(raw);
  for (const [k, v] of entries) {
    const one = Array.isArray(v) ? v[0] : v;
    if (typeof one === 'string') record[k] = one;
  }
  return z.safeParse(scopeFiltersSchema, record);
}

/** The /secrets page's URL: a link with filters that do not parse shows every scope. */
export const SECRETS_URL = {
  keys: ['q', 'finding', 'backend'],
  parse: (raw: URLSearchParams): ScopeFilters => {
    const parsed = parseScopeFilters(raw);
    return parsed.success ? parsed.data : DEFAULT_SCOPE_FILTERS;
  },
  serialize: scopeFiltersToSearchParams,
} as const;

// ---- Responses ----

const level = z.enum(FINDING_LEVELS);
export const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  level,
  text: z.string(),
  keys: z.optional(z.array(z.string())),
  principals: z.optional(z.array(z.string())),
});
export const aclEntrySchema = z.object({
  principal: z.string(),
  permission,
  kind: z.enum(ACL_PRINCIPAL_KINDS),
  displayName: z.nullable(z.string()),
  status: z.enum(PRINCIPAL_STATUSES),
});
export type AclEntryView = z.output<typeof aclEntrySchema>;

/** Whether a part of a scope could be read: `denied` means this identity lacks the permission, `failed` Databricks trouble. */
const partSchema = z.object({ state: z.enum(['ok', 'denied', 'failed']), reason: z.nullable(z.string()) });
const noticeSchema = z.object({
  code: z.enum(['partial_view', 'principals_unavailable', 'reads_unavailable', 'reads_truncated', 'scopes_failed']),
  message: z.string(),
});
export type SecretsNotice = z.output<typeof noticeSchema>;

export const scopeSummarySchema = z.object({
  name: z.string(),
  backend: z.enum(BACKENDS),
  keyVault: z.nullable(z.object({ resourceId: z.string(), dnsName: z.string() })),
  /** null: the keys could not be listed (see access.keys). */
  keyCount: z.nullable(z.number()),
  newestUpdate: z.nullable(z.number()),
  oldestUpdate: z.nullable(z.number()),
  /** null: the ACL could not be read (see access.acls). */
  acls: z.nullable(z.array(aclEntrySchema)),
  access: z.object({ keys: partSchema, acls: partSchema }),
  level: z.nullable(level),
  findings: z.array(findingSchema),
});
export type ScopeSummary = z.output<typeof scopeSummarySchema>;

export const scopesResponseSchema = z.object({
  generatedAt: z.number(),
  /** When the oldest part of this answer was read from Databricks. */
  readAt: z.number(),
  actor: z.object({ name: z.string(), workspaceAdmin: z.nullable(z.boolean()) }),
  notices: z.array(noticeSchema),
  /** Scopes Databricks showed, before filters. */
  total: z.number(),
  matched: z.number(),
  summary: z.object({
    keys: z.number(),
    keyVault: z.number(),
    byLevel: z.record(level, z.number()),
    byFinding: z.partialRecord(z.enum(FINDING_CODES), z.number()),
    keysHidden: z.number(),
    aclsHidden: z.number(),
  }),
  scopes: z.array(scopeSummarySchema),
});
export type ScopesResponse = z.output<typeof scopesResponseSchema>;

/** Someone named in the audit log, resolved through the directory (`unknown` status when it could not be read). */
export const actorSchema = z.object({
  name: z.string(),
  kind: z.enum(ACL_PRINCIPAL_KINDS),
  displayName: z.nullable(z.string()),
  status: z.enum(PRINCIPAL_STATUSES),
});
export type ActorView = z.output<typeof actorSchema>;

export const ACTIVITY_ACTIONS = ['createScope', 'putSecret', 'deleteSecret', 'putAcl', 'deleteAcl'] as const;
export const activitySchema = z.object({
  days: z.number(),
  from: z.number(),
  to: z.number(),
  /** false: the audit log could not be read; `reason` says why. Nothing below is then a verdict. */
  collected: z.boolean(),
  reason: z.nullable(z.string()),
  totals: z.object({ reads: z.number(), deniedReads: z.number(), writes: z.number(), aclChanges: z.number(), lists: z.number() }),
  actors: z.array(
    z.object({
      actor: actorSchema,
      reads: z.number(),
      deniedReads: z.number(),
      keysRead: z.number(),
      writes: z.number(),
      aclChanges: z.number(),
      lists: z.number(),
      last: z.number(),
    }),
  ),
  changes: z.array(
    z.object({
      time: z.number(),
      actor: actorSchema,
      action: z.enum(ACTIVITY_ACTIONS),
      key: z.nullable(z.string()),
      principal: z.nullable(z.string()),
      permission: z.nullable(z.string()),
      failed: z.boolean(),
    }),
  ),
  truncated: z.boolean(),
});
export type ScopeActivity = z.output<typeof activitySchema>;

export const scopeDetailSchema = z.extend(scopeSummarySchema, {
  generatedAt: z.number(),
  readAt: z.number(),
  notices: z.array(noticeSchema),
  keys: z.nullable(
    z.array(
      z.object({
        key: z.string(),
        lastUpdated: z.nullable(z.number()),
        /** Successful reads in the activity window; null when the audit log could not be read. */
        reads: z.nullable(z.number()),
        lastRead: z.nullable(z.number()),
      }),
    ),
  ),
  activity: activitySchema,
});
export type ScopeDetail = z.output<typeof scopeDetailSchema>;

export const plainCredentialSchema = z.object({
  objectType: z.enum(['cluster', 'job']),
  objectId: z.string(),
  objectName: z.string(),
  location: z.string(),
  name: z.string(),
  reason: z.string(),
  suggestion: z.object({ scope: z.string(), key: z.string(), reference: z.string() }),
});
export type PlainCredentialView = z.output<typeof plainCredentialSchema>;

const sourceSchema = z.object({ checked: z.nullable(z.number()), reason: z.nullable(z.string()) });
export const plainCredentialsResponseSchema = z.object({
  readAt: z.number(),
  /** Objects read per kind; `checked` null with a reason when that kind could not be read. */
  sources: z.object({ clusters: sourceSchema, jobs: sourceSchema }),
  notices: z.array(z.object({ code: z.enum(['partial_view', 'jobs_truncated']), message: z.string() })),
  findings: z.array(plainCredentialSchema),
});
export type PlainCredentialsResponse = z.output<typeof plainCredentialsResponseSchema>;

export const principalsResponseSchema = z.object({ principals: z.array(principalSchema), more: z.boolean() });

export const createScopeResponseSchema = z.object({ scope: z.object({ name: z.string(), backend: z.enum(BACKENDS) }) });
export const deleteScopeResponseSchema = z.object({ deleted: z.string() });
export const putSecretResponseSchema = z.object({ scope: z.string(), key: z.string(), lastUpdated: z.nullable(z.number()) });
export const deleteSecretResponseSchema = z.object({ scope: z.string(), key: z.string(), deleted: z.boolean() });
export const putAclResponseSchema = z.object({
  scope: z.string(),
  principal: z.string(),
  permission,
  previous: z.nullable(permission),
});
export const deleteAclResponseSchema = z.object({ scope: z.string(), principal: z.string(), removed: z.nullable(permission) });

export type { FindingCode };
