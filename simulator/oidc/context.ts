// What the OIDC endpoints share: stores, the signing key, the issuer URL (known once the port is bound).
import type { AuditSink, RequestMeta } from '../core/contract';
import type { SimDb } from '../core/db';
import type { IdentityStore } from '../identity/store';
import type { OAuthClientStore } from './clients';
import type { CodeStore } from './codes';
import type { SigningKey } from './jwt';

export interface OidcContext {
  db: SimDb;
  identity: IdentityStore;
  clients: OAuthClientStore;
  codes: CodeStore;
  signingKey: SigningKey;
  audit: AuditSink;
  /** https://127.0.0.1:<port>/oidc */
  issuer: () => string;
  /** http://127.0.0.1:<port>/oidc: where browsers are sent to sign in (see server.ts). */
  browserIssuer: () => string;
  accessTokenTtlSeconds: number;
  /** userNames shown first on the sign-in page (one per dashboard role). */
  featuredPeople: string[];
}

export function oauthAudit(
  ctx: OidcContext,
  meta: RequestMeta,
  action: string,
  user: string | null,
  params: Record<string, string>,
  status: number,
  error: string | null = null,
): void {
  ctx.audit.append({
    serviceName: 'accounts',
    actionName: action,
    email: user,
    requestParams: { user: user ?? '', ...params },
    statusCode: status,
    errorMessage: error,
    sourceIp: meta.sourceIp,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
  });
}
