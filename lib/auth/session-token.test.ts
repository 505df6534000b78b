// Reading the session cookie: a cookie seen before is not decrypted again, but nothing about what it grants changes.
import { encode } from 'next-auth/jwt';
import * as jwt from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../config';
import { readSessionCookie, type SessionToken } from './session-token';

vi.mock('next-auth/jwt', async (original) => {
  const real = await original<typeof import('next-auth/jwt')>();
  return { ...real, decode: vi.fn(real.decode) };
});

const SECRET = 'session-cookie-test-secret-0123456789abc';
const config = (secret = SECRET) => ({ auth: { secret, secureCookies: false } }) as AppConfig;
const jar = (value: string) => [{ name: 'next-auth.session-token', value }];
let n = 0;

async function cookie(maxAge = 3600): Promise<string> {
  const token: SessionToken = {
    sid: `sid-cache-${++n}-${Date.now()}`,
    rev: 0,
    userName: 'ann@example.com',
    displayName: 'Ann',
    role: 'analyst',
    provider: 'databricks',
    roleCheckedAt: Math.floor(Date.now() / 1000),
  };
  return encode({ token, secret: SECRET, maxAge });
}

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(jwt.decode).mockClear();
});

describe('readSessionCookie', () => {
  it('decrypts a cookie once and answers the same token for it afterwards', async () => {
    const value = await cookie();
    const first = await readSessionCookie(jar(value), config());
    const second = await readSessionCookie(jar(value), config());
    expect(first).toMatchObject({ userName: 'ann@example.com', role: 'analyst' });
    expect(second).toEqual(first);
    expect(jwt.decode).toHaveBeenCalledTimes(1);
  });

  it('refuses a cookie read before once it has expired', async () => {
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    const value = await cookie(60);
    expect(await readSessionCookie(jar(value), config())).not.toBeNull();
    vi.setSystemTime(Date.now() + 120_000);
    expect(await readSessionCookie(jar(value), config())).toBeNull();
  });

  it('does not carry a cookie over to another secret, nor accept a tampered one', async () => {
    const value = await cookie();
    expect(await readSessionCookie(jar(value), config())).not.toBeNull();
    expect(await readSessionCookie(jar(value), config('another-secret-another-secret-0123456789'))).toBeNull();
    const tampered = `${value.slice(0, -4)}${value.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await readSessionCookie(jar(tampered), config())).toBeNull();
    expect(await readSessionCookie(jar(tampered), config())).toBeNull();
    expect(jwt.decode).toHaveBeenCalledTimes(4);
  });
});
