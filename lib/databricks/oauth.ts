// The workspace's OAuth endpoints (API reference §13): discovery, client credentials (M2M) and refresh. next-auth's
// own OAuth client handles the authorization-code step; everything after sign-in goes through here.
import 'server-only';
import { z } from 'zod';
import { processSingleton } from '../singleton';
import { DatabricksError, errorFromResponse } from './errors';
import { awaitingUpstream } from './upstream-wait';

const discovery = z.object({ authorization_endpoint: z.string().url(), token_endpoint: z.string().url(), issuer: z.string().optional() });
export type OidcDiscovery = z.output<typeof discovery>;

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.coerce.number().optional(),
  scope: z.string().optional(),
});
export interface IssuedToken {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch seconds. */
  expiresAt: number;
}

const TIMEOUT_MS = 10_000;
const discoveries = processSingleton('oidc-discovery', () => new Map<string, Promise<OidcDiscovery>>());

export function discoveryUrl(host: string): string {
  return `${host}/oidc/.well-known/oauth-authorization-server`;
}

/** Cached per host; a failed discovery is forgotten so the next call tries again. */
export function discover(host: string): Promise<OidcDiscovery> {
  let pending = discoveries.get(host);
  if (!pending) {
    pending = (async () => {
      const res = await send(discoveryUrl(host), { method: 'GET', headers: { Accept: 'application/json' } }, host);
      const parsed = discovery.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `${host} has no usable OAuth discovery document`);
      return parsed.data;
    })();
    pending.catch(() => discoveries.delete(host));
    discoveries.set(host, pending);
  }
  return pending;
}

export interface ClientAuth {
  clientId: string;
  clientSecret: string | null;
}

/** POST to the token endpoint. Confidential clients authenticate with HTTP Basic, as the Databricks SDKs do. */
export async function requestToken(host: string, client: ClientAuth, form: Record<string, string>): Promise<IssuedToken> {
  const { token_endpoint } = await discover(host);
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
  const body = new URLSearchParams(form);
  if (client.clientSecret) {
    headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
  } else {
    body.set('client_id', client.clientId);
  }
  const res = await send(token_endpoint, { method: 'POST', headers, body }, host);
  const parsed = tokenResponse.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', 'The token endpoint answered without an access token');
  const t = parsed.data;
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token ?? null,
    expiresAt: Math.floor(Date.now() / 1000) + (t.expires_in ?? 3600),
  };
}

async function send(url: string, init: RequestInit, host: string): Promise<Response> {
  let res: Response;
  try {
    res = await awaitingUpstream(fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' }));
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code ?? (e instanceof Error ? e.name : 'UNKNOWN');
    if (code === 'TimeoutError') throw new DatabricksError(0, 'TIMEOUT', `No answer from ${host}/oidc within ${TIMEOUT_MS / 1000} s`);
    throw new DatabricksError(0, 'UNREACHABLE', `Cannot reach ${host}/oidc (${code})`);
  }
  if (!res.ok) throw errorFromResponse(res.status, res.headers, await res.text());
  return res;
}
