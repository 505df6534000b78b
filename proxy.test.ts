import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import proxy, { contentSecurityPolicy } from './proxy';

const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => new NextRequest(url, { headers, method });

/** The exact source tokens of a policy's script-src directive. */
function scriptSrc(csp: string): string[] {
  const directive = csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'script-src');
  return directive ? directive.slice(1) : [];
}

let lines: string[] = [];
beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('proxy', () => {
  it('sends anonymous page visitors to sign-in, keeping where they were going', () => {
    const res = proxy(req('http://localhost:3000/activity?outcome=failure'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost:3000/login?callbackUrl=%2Factivity%3Foutcome%3Dfailure');
    expect(proxy(req('http://localhost:3000/')).headers.get('location')).toBe('http://localhost:3000/login');
  });

  it('lets the sign-in page and visitors with a session cookie through, each with a fresh nonce', () => {
    expect(proxy(req('http://localhost:3000/login')).headers.get('location')).toBeNull();
    const a = proxy(req('http://localhost:3000/', { cookie: 'next-auth.session-token=x' }));
    const b = proxy(req('http://localhost:3000/', { cookie: '__Secure-next-auth.session-token.0=x' }));
    expect(a.headers.get('location')).toBeNull();
    expect(b.headers.get('location')).toBeNull();
    const csp = a.headers.get('content-security-policy')!;
    // vitest runs with NODE_ENV=test: the production policy, exactly these script sources.
    expect(scriptSrc(csp)).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{24}'$/), "'strict-dynamic'"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
    // The nonce also reaches the renderer, which stamps it on Next's own scripts.
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('adds HSTS and upgrade-insecure-requests only over https', () => {
    const plain = proxy(req('http://localhost:3000/login'));
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    for (const r of [req('https://bw.example.com/login'), req('http://bw.internal/login', { 'x-forwarded-proto': 'https' })]) {
      const res = proxy(r);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    }
  });

  it("builds the page CSP with 'unsafe-eval' in development only, and never 'unsafe-inline' for scripts", () => {
    const prod = contentSecurityPolicy('bm9uY2U=', { https: false, development: false });
    const dev = contentSecurityPolicy('bm9uY2U=', { https: false, development: true });
    expect(scriptSrc(prod)).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(scriptSrc(dev)).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(prod).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(prod).toMatch(/(^|; )base-uri 'self'(;|$)/);
  });

  it.each([
    ['POST', '/api/tokens/%zz/revoke'],
    ['POST', '/api/tokens/%E0%A4%A/rotate'],
    ['POST', '/api/tokens/rotations/%C0%AE%C0%AE/retry'],
    ['GET', '/api/audit/events/%zz'],
  ])('answers %s %s (broken percent-encoding) with a JSON 400, for anonymous callers too', async (method, path) => {
    lines = [];
    const res = proxy(req(`http://localhost:3000${path}`, {}, method));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error).toEqual({ code: 'INVALID_PATH', message: expect.stringMatching(/not valid/), requestId: expect.any(String) });
    expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({
        msg: 'http.request',
        requestId: body.error.requestId,
        method,
        path,
        status: 400,
        errorCode: 'INVALID_PATH',
      }),
    );
  });

  it('lets well-formed API requests through untouched, signed in or not', () => {
    for (const path of ['/api/tokens/0123abcd/revoke', '/api/audit/events/a%2Fb', '/api/activity?x=%zz']) {
      const res = proxy(req(`http://localhost:3000${path}`));
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-middleware-next'), path).toBe('1');
      expect(res.headers.get('location'), path).toBeNull();
    }
  });
});
