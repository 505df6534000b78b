// Bearer authentication for REST and SQL: PATs (hashed lookup) and the OAuth access tokens /oidc/v1/token issues.
// Failure shapes follow the gateway: no credential → 401, anything unusable (unknown, expired, revoked, owner
// deactivated) → 403 {"error_code":403,"message":"Invalid access token."} — Databricks answers 403 for expired OAuth
// tokens too, which is what clients key their refresh on.
import type { AuditSink, Principal, RequestMeta } from '../core/contract';
import type { AclStore } from '../store/acl-store';
import { tokenIdOf, type TokenStore } from '../store/token-store';
import type { WorkspaceConfStore } from '../store/workspace-conf';
import { verifyJwt, type SigningKey } from '../oidc/jwt';
import type { IdentityStore } from './store';

export type AuthResult =
  | { ok: true; principal: Principal; via: 'pat' | 'oauth'; tokenId?: string }
  | { ok: false; status: number; body: unknown; headers: Record<string, string> };

const INVALID = 'Invalid access token.';
const DAY_MS = 86_400_000;

export interface AuthDeps {
  identity: IdentityStore;
  tokens: TokenStore;
  conf: WorkspaceConfStore;
  acls: AclStore;
  signingKey: SigningKey;
  audit: AuditSink;
}

export class Authenticator {
  /** tokenId → minute of the last tokenLogin event, so a busy client does not flood the audit table. */
  private lastLogin = new Map<string, number>();
  private lastTouchedDay = new Map<string, number>();

  constructor(private readonly deps: AuthDeps) {}

  async authenticate(authorization: string | undefined, meta: RequestMeta): Promise<AuthResult> {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m) {
      return fail(401, 401, 'Credential was not sent or was of an unsupported type for this API.');
    }
    const token = m[1] as string;
    if (token.startsWith('dapi')) return this.pat(token, meta);
    return this.oauth(token);
  }

  /** Whether a principal may create and use PATs (token permissions, §3.2): admins always, others need CAN_USE. */
  async canUseTokens(p: Principal): Promise<boolean> {
    if (p.isAdmin) return true;
    const acl = await this.deps.acls.list('authorization', 'tokens');
    return acl.some(
      (e) =>
        (e.permissionLevel === 'CAN_USE' || e.permissionLevel === 'CAN_MANAGE') &&
        (e.principalKind === 'group' ? p.groups.includes(e.principalName) : e.principalName.toLowerCase() === p.name.toLowerCase()),
    );
  }

  private async pat(value: string, meta: RequestMeta): Promise<AuthResult> {
    const tokenId = tokenIdOf(value);
    const row = await this.deps.tokens.get(tokenId);
    const owner = row ? this.deps.identity.get(row.ownerId) : undefined;
    const now = Date.now();
    const expired = row !== undefined && row.expiryTime !== -1 && row.expiryTime <= now;
    if (!row || !owner || !owner.active || expired) {
      this.loginEvent(tokenId, owner?.name ?? null, meta, 403, INVALID);
      return fail(403, 403, INVALID);
    }
    const principal = this.deps.identity.toPrincipal(owner);
    if (!this.deps.conf.tokensEnabled()) {
      this.loginEvent(tokenId, owner.name, meta, 403, 'Personal access tokens are disabled for this workspace.');
      return fail(403, 403, 'Personal access tokens are disabled for this workspace.');
    }
    if (!(await this.canUseTokens(principal))) {
      const message = `${owner.name} does not have permission to use personal access tokens.`;
      this.loginEvent(tokenId, owner.name, meta, 403, message);
      return fail(403, 'PERMISSION_DENIED', message);
    }
    this.loginEvent(tokenId, owner.name, meta, 200, null);
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    if (this.lastTouchedDay.get(tokenId) !== day && row.lastUsedDay !== day) await this.deps.tokens.touch(tokenId, day);
    this.lastTouchedDay.set(tokenId, day);
    return { ok: true, principal, via: 'pat', tokenId };
  }

  private async oauth(token: string): Promise<AuthResult> {
    const claims = verifyJwt(this.deps.signingKey, token);
    if (!claims || claims.token_type !== 'access_token' || typeof claims.sub !== 'string') return fail(403, 403, INVALID);
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return fail(403, 403, INVALID);
    const rec = this.deps.identity.get(claims.sub);
    if (!rec || !rec.active) return fail(403, 403, INVALID);
    return { ok: true, principal: this.deps.identity.toPrincipal(rec), via: 'oauth' };
  }

  private loginEvent(tokenId: string, user: string | null, meta: RequestMeta, status: number, error: string | null): void {
    const minute = Math.floor(Date.now() / 60_000);
    const k = `${tokenId}:${status}`;
    if (this.lastLogin.get(k) === minute) return;
    // Bounded: a load test with random bad tokens must not grow this forever (worst case: a few repeated events).
    if (this.lastLogin.size > 100_000) this.lastLogin.clear();
    this.lastLogin.set(k, minute);
    this.deps.audit.append({
      serviceName: 'accounts',
      actionName: 'tokenLogin',
      email: user,
      requestParams: { user: user ?? '', tokenId },
      statusCode: status,
      errorMessage: error,
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
    });
  }
}

function fail(status: number, code: number | string, message: string): AuthResult {
  return { ok: false, status, body: { error_code: code, message }, headers: { 'X-Databricks-Reason-Phrase': message } };
}
