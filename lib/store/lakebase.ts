// The password for a new Lakebase connection: a database credential minted for the app's service principal, reused
// until two minutes before it expires (every new connection logs in, so a stale one would fail the next login), with
// concurrent logins sharing one request.
import 'server-only';
import { generateDatabaseCredential, type DatabaseCredential, type LakebaseTarget } from '../databricks/api/lakebase';
import { serviceCredentials } from '../databricks/credentials';
import { RestClient } from '../databricks/rest-client';
import type { ServiceAuth } from '../config';

const RENEW_BEFORE_MS = 2 * 60_000;
/** Lakebase documents an hour; an answer without a usable expiry is trusted for less. */
const FALLBACK_LIFETIME_MS = 30 * 60_000;

export function cachedCredential(mint: () => Promise<DatabaseCredential>, now: () => number = Date.now): () => Promise<string> {
  let current: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (current && now() < current.renewAt) return current.token;
    pending ??= mint()
      .then((c) => {
        current = { token: c.token, renewAt: (c.expiresAt ?? now() + FALLBACK_LIFETIME_MS) - RENEW_BEFORE_MS };
        return c.token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

export function lakebasePassword(host: string, auth: ServiceAuth, target: LakebaseTarget, timeoutMs: number): () => Promise<string> {
  const rest = new RestClient({ host, credentials: serviceCredentials(host, auth), timeoutMs });
  return cachedCredential(() => generateDatabaseCredential(rest, target));
}
