// Reading fields of JSON bodies and query strings with Databricks-style 400s.
import type { RestRequest } from '../core/contract';
import { badRequest } from './errors';

export type Body = Record<string, unknown>;

export function asObject(body: unknown): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object.', 'MALFORMED_REQUEST');
  return body as Body;
}

export function requireString(b: Body, key: string): string {
  const v = b[key];
  if (v === undefined || v === null || v === '') throw badRequest(`Missing required field: ${key}`);
  if (typeof v !== 'string') throw badRequest(`Field ${key} must be a string.`);
  return v;
}

export function optionalString(b: Body, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`Field ${key} must be a string.`);
  return v;
}

export function optionalInt(b: Body, key: string): number | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw badRequest(`Field ${key} must be an integer.`);
  return n;
}

export function optionalBool(b: Body, key: string): boolean | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw badRequest(`Field ${key} must be a boolean.`);
  return v;
}

export function optionalStringArray(b: Body, key: string): string[] | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw badRequest(`Field ${key} must be an array of strings.`);
  return v as string[];
}

export function requireQuery(q: URLSearchParams, key: string): string {
  const v = q.get(key);
  if (v === null || v === '') throw badRequest(`Missing required parameter: ${key}`);
  return v;
}

/** An opaque page token (base64url JSON of an offset), as cursor APIs hand out. */
export const encodePageToken = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

export function decodePageToken(token: string | null): number {
  if (!token) return 0;
  try {
    const o = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the error below
  }
  throw badRequest(`Invalid page token: ${token}`);
}

/** The named string fields of the query (GET) or body (others), for audit request_params: names, never values. */
export function auditFields(req: RestRequest, keys: string[]): Record<string, string> {
  const src: Record<string, unknown> = req.method === 'GET' ? Object.fromEntries(req.query) : ((req.body ?? {}) as Record<string, unknown>);
  return Object.fromEntries(keys.filter((k) => typeof src[k] === 'string').map((k) => [k, src[k] as string]));
}
