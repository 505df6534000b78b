// Authorization codes: single use, short lived, bound to client, redirect URI, PKCE challenge and person.
import { randomBytes } from 'node:crypto';

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  principalId: string;
  scope: string;
  codeChallenge: string;
  nonce: string | null;
  expiresAt: number;
  used: boolean;
}

const CODE_TTL_MS = 5 * 60_000;

export class CodeStore {
  private codes = new Map<string, AuthorizationCode>();

  issue(c: Omit<AuthorizationCode, 'expiresAt' | 'used'>): string {
    this.prune();
    const code = `dcod${randomBytes(24).toString('base64url')}`;
    this.codes.set(code, { ...c, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** The code's grant; a used code stays known (as used) until it would have expired, so reuse is reported as such. */
  take(code: string): AuthorizationCode | 'used' | null {
    const c = this.codes.get(code);
    if (!c || c.expiresAt <= Date.now()) return null;
    if (c.used) return 'used';
    c.used = true;
    return c;
  }

  private prune(): void {
    const now = Date.now();
    for (const [k, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(k);
  }
}
