// OAuth clients: the dashboard's app registration (confidential), the public `databricks-cli` client and service
// principals' OAuth secrets (client credentials).
import type { SimDb } from '../core/db';
import { createHash } from 'node:crypto';

export interface OAuthClient {
  clientId: string;
  secretHash: string | null;
  name: string;
  kind: 'app' | 'public' | 'service_principal';
  principalId: string | null;
}

export const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class OAuthClientStore {
  private constructor(private readonly clients: Map<string, OAuthClient>) {}

  static async load(db: SimDb): Promise<OAuthClientStore> {
    const rows = await db.all<{
      client_id: string;
      secret_hash: string | null;
      name: string;
      kind: OAuthClient['kind'];
      principal_id: string | null;
    }>('SELECT client_id, secret_hash, name, kind, principal_id FROM ws.oauth_clients');
    return new OAuthClientStore(
      new Map(
        rows.map((r) => [
          r.client_id,
          {
            clientId: r.client_id,
            secretHash: r.secret_hash,
            name: r.name,
            kind: r.kind,
            principalId: r.principal_id,
          },
        ]),
      ),
    );
  }

  get(clientId: string): OAuthClient | undefined {
    return this.clients.get(clientId);
  }

  /** Constant-shape check of a presented secret against the stored hash. */
  verifySecret(client: OAuthClient, secret: string | undefined): boolean {
    if (client.secretHash === null) return secret === undefined || secret === '';
    return secret !== undefined && hashSecret(secret) === client.secretHash;
  }

  /**
   * User-facing clients accept redirect URIs on loopback at any port and path (tests run the app on free ports),
   * http or https, without a fragment. Service principals never take part in the browser flow.
   */
  redirectAllowed(client: OAuthClient, redirectUri: string): boolean {
    if (client.kind === 'service_principal') return false;
    try {
      const u = new URL(redirectUri);
      return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname) && u.hash === '';
    } catch {
      return false;
    }
  }
}
