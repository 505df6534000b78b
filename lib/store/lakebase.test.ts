import { describe, expect, it } from 'vitest';
import { cachedCredential } from './lakebase';

describe('Lakebase credentials', () => {
  it('reuses a credential until two minutes before it expires, then mints another', async () => {
    let t = 0;
    let minted = 0;
    const password = cachedCredential(
      async () => ({ token: `cred-${++minted}`, expiresAt: 60 * 60_000 }),
      () => t,
    );
    expect(await password()).toBe('cred-1');
    t = 57 * 60_000;
    expect(await password()).toBe('cred-1');
    t = 58 * 60_000;
    expect(await password()).toBe('cred-2');
  });

  it('shares one request among logins that arrive together, and asks again after a failure', async () => {
    let minted = 0;
    let fail = true;
    const password = cachedCredential(async () => {
      minted++;
      if (fail) throw new Error('HTTP 503');
      return { token: 'cred', expiresAt: null };
    });
    await expect(Promise.all([password(), password(), password()])).rejects.toThrow('HTTP 503');
    expect(minted).toBe(1);
    fail = false;
    expect(await Promise.all([password(), password()])).toEqual(['cred', 'cred']);
    expect(minted).toBe(2);
  });
});
