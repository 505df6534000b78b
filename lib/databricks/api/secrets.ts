// Secrets API (API reference §2): scopes, secret metadata and scope ACLs, plus the rotation's delivery into a secret.
// There is deliberately no "get secret" here: Brickwatch never reads a secret's value. A value to write travels
// wrapped (SecretValue, or the rotation's TokenValue) from the request body into the put body and nowhere else.
//
// Quirks handled here: empty lists are omitted (listOf); `last_updated_timestamp` is epoch ms, as a number or (in the
// docs' example) a string; acls/list answers `items` (not the docs' `acls`); "scope exists" is 400, not 409.
import 'server-only';
import { z } from 'zod';
import { isDatabricksError } from '@/lib/databricks/errors';
import type { CallResult, RestClient } from '@/lib/databricks/rest-client';
import { emptyResponse, listOf } from '@/lib/databricks/schemas';
import type { TokenValue } from './tokens';

export interface SecretTarget {
  scope: string;
  key: string;
}

export type SecretPermission = 'READ' | 'WRITE' | 'MANAGE';
export type ScopeBackend = 'DATABRICKS' | 'AZURE_KEYVAULT';

/**
 * A value on its way into a secret. Only put() reads it; String(), JSON and util.inspect print a placeholder, so handing
 * it to a logger, an error or a response by mistake leaks nothing.
 */
export class SecretValue {
  readonly #value: { kind: 'string' | 'bytes'; data: string };
  private constructor(kind: 'string' | 'bytes', data: string) {
    this.#value = { kind, data };
  }
  static text(value: string): SecretValue {
    return new SecretValue('string', value);
  }
  /** `base64` is the bytes, base64-encoded, as Databricks takes them in `bytes_value`. */
  static bytes(base64: string): SecretValue {
    return new SecretValue('bytes', base64);
  }
  get kind(): 'string' | 'bytes' {
    return this.#value.kind;
  }
  /** The put body's value field; for the binding only. */
  field(): { string_value: string } | { bytes_value: string } {
    return this.#value.kind === 'string' ? { string_value: this.#value.data } : { bytes_value: this.#value.data };
  }
  toString(): string {
    return '[secret value]';
  }
  toJSON(): string {
    return '[secret value]';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return '[secret value]';
  }
}

const scopeSchema = z.object({
  name: z.string(),
  backend_type: z.string().optional(),
  keyvault_metadata: z.object({ resource_id: z.string().optional(), dns_name: z.string().optional() }).nullish(),
});
export interface ScopeInfo {
  name: string;
  backend: ScopeBackend;
  keyVault: { resourceId: string; dnsName: string } | null;
}

const secretList = z.object({
  secrets: listOf(z.object({ key: z.string(), last_updated_timestamp: z.union([z.number(), z.string()]).transform(Number).optional() })),
});
export interface SecretMeta {
  key: string;
  /** Epoch ms, Databricks' own clock; null when it did not say. */
  lastUpdated: number | null;
}

const aclItem = z.object({ principal: z.string(), permission: z.string() });
const aclList = z.object({ items: listOf(aclItem) });
export interface AclEntry {
  principal: string;
  permission: SecretPermission;
}

const PERMISSIONS: readonly string[] = ['READ', 'WRITE', 'MANAGE'];
/** An unknown level from a newer Databricks is read as the weakest rather than dropped: the entry still exists. */
const permissionOf = (p: string): SecretPermission => (PERMISSIONS.includes(p) ? (p as SecretPermission) : 'READ');

/** Every scope the caller may see (any workspace user may list scopes). */
export async function listScopes(rest: RestClient, signal?: AbortSignal): Promise<ScopeInfo[]> {
  const res = await rest.get('/api/2.0/secrets/scopes/list', z.object({ scopes: listOf(scopeSchema) }), { signal });
  return res.scopes.map((s) => ({
    name: s.name,
    backend: s.backend_type === 'AZURE_KEYVAULT' ? 'AZURE_KEYVAULT' : 'DATABRICKS',
    keyVault: s.keyvault_metadata
      ? { resourceId: s.keyvault_metadata.resource_id ?? '', dnsName: s.keyvault_metadata.dns_name ?? '' }
      : null,
  }));
}

export interface CreateScopeRequest {
  scope: string;
  backend: ScopeBackend;
  keyVault?: { resourceId: string; dnsName: string };
}

/**
 * Creates a scope; the caller becomes its manager. Not retried: a lost answer followed by a retry would read "already
 * exists". Key Vault-backed scopes need a Microsoft Entra ID token: with any other credential Databricks refuses.
 */
export function createScope(rest: RestClient, req: CreateScopeRequest): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/scopes/create', emptyResponse, {
    body: {
      scope: req.scope,
      scope_backend_type: req.backend,
      ...(req.keyVault ? { backend_azure_keyvault: { resource_id: req.keyVault.resourceId, dns_name: req.keyVault.dnsName } } : {}),
    },
  });
}

export function deleteScope(rest: RestClient, scope: string): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/scopes/delete', emptyResponse, { body: { scope } });
}

/** Keys and when each was last written; metadata only (needs READ on the scope). */
export async function listSecrets(rest: RestClient, scope: string, signal?: AbortSignal): Promise<SecretMeta[]> {
  const res = await rest.get('/api/2.0/secrets/list', secretList, { query: { scope }, signal });
  return res.secrets.map((s) => ({
    key: s.key,
    lastUpdated: s.last_updated_timestamp !== undefined && Number.isFinite(s.last_updated_timestamp) ? s.last_updated_timestamp : null,
  }));
}

/** Writes (or overwrites) a secret. Writing the same value twice is harmless, so a lost answer may be retried. */
export function putSecret(rest: RestClient, target: SecretTarget, value: SecretValue): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/put', emptyResponse, {
    body: { scope: target.scope, key: target.key, ...value.field() },
    idempotent: true,
  });
}

export function deleteSecret(rest: RestClient, target: SecretTarget): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/delete', emptyResponse, { body: { scope: target.scope, key: target.key } });
}

/** The scope's ACL (needs MANAGE on it). */
export async function listAcls(rest: RestClient, scope: string, signal?: AbortSignal): Promise<AclEntry[]> {
  const res = await rest.get('/api/2.0/secrets/acls/list', aclList, { query: { scope }, signal });
  return res.items.map((i) => ({ principal: i.principal, permission: permissionOf(i.permission) }));
}

/** One principal's entry (needs MANAGE). Databricks answers the item unwrapped. */
export async function getAcl(rest: RestClient, scope: string, principal: string): Promise<AclEntry> {
  const item = await rest.get('/api/2.0/secrets/acls/get', aclItem, { query: { scope, principal } });
  return { principal: item.principal, permission: permissionOf(item.permission) };
}

/** Creates or overwrites a principal's entry; setting the same level twice is harmless. */
export function putAcl(rest: RestClient, scope: string, entry: AclEntry): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/acls/put', emptyResponse, {
    body: { scope, principal: entry.principal, permission: entry.permission },
    idempotent: true,
  });
}

export function deleteAcl(rest: RestClient, scope: string, principal: string): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/acls/delete', emptyResponse, { body: { scope, principal } });
}

/** Writes (or overwrites) the secret. Overwriting with the same value is harmless, so the client may retry it. */
export async function putTokenSecret(rest: RestClient, target: SecretTarget, value: TokenValue): Promise<CallResult<unknown>> {
  return rest.call('POST', '/api/2.0/secrets/put', emptyResponse, {
    body: { scope: target.scope, key: target.key, string_value: value.reveal() },
    idempotent: true,
  });
}

/**
 * When the key was last written (epoch ms, Databricks' own clock), or null when it does not exist. Only metadata: the
 * value is never read. A rotation compares two of these readings, so no clock of ours is involved.
 */
export async function secretLastUpdated(rest: RestClient, target: SecretTarget): Promise<number | null> {
  return (await listSecrets(rest, target.scope)).find((s) => s.key === target.key)?.lastUpdated ?? null;
}

// The action log's chain head is anchored in a secret of a dedicated scope: out of reach of anyone who only has the
// database, and every write is in Databricks' audit log. Text only, never a token.

/** A secret's value as text, or null when its scope or key does not exist (Databricks said so). Needs READ. */
export async function getSecretText(rest: RestClient, target: SecretTarget): Promise<string | null> {
  try {
    const res = await rest.get('/api/2.0/secrets/get', z.object({ value: z.string() }), {
      query: { scope: target.scope, key: target.key },
    });
    return Buffer.from(res.value, 'base64').toString('utf8');
  } catch (e) {
    if (isDatabricksError(e) && e.declaredCode === 'RESOURCE_DOES_NOT_EXIST') return null;
    throw e;
  }
}

/** Writes text into a secret, creating its scope first when Databricks says it does not exist (the creator manages it). */
export async function putSecretText(rest: RestClient, target: SecretTarget, text: string): Promise<void> {
  const put = () => rest.call('POST', '/api/2.0/secrets/put', emptyResponse, { body: { ...target, string_value: text }, idempotent: true });
  try {
    await put();
  } catch (e) {
    if (!isDatabricksError(e) || e.declaredCode !== 'RESOURCE_DOES_NOT_EXIST') throw e;
    try {
      await rest.call('POST', '/api/2.0/secrets/scopes/create', emptyResponse, { body: { scope: target.scope } });
    } catch (created) {
      // Another instance created it first.
      if (!isDatabricksError(created) || created.declaredCode !== 'RESOURCE_ALREADY_EXISTS') throw created;
    }
    await put();
  }
}
