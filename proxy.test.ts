import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import proxy from './proxy';

const req = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers });

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
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
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
});
