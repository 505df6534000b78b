import { createPublicKey, verify } from 'node:crypto';
import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personas, pkce, startHarness, type Harness } from '../testing/harness';

const REDIRECT = 'http://localhost:41234/api/auth/callback/databricks';
let h: Harness;
let p: ReturnType<typeof personas>;
beforeAll(async () => {
  h = await startHarness({ oauthTokenTtlSeconds: 2 });
  p = personas(h);
});
afterAll(() => h?.close());

const authorizeUrl = (extra: Record<string, string>) => {
  const q = new URLSearchParams({
    client_id: h.sim.workspace.oauth.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'all-apis offline_access openid',
    state: 'st',
    ...extra,
  });
  return `${h.url}/oidc/v1/authorize?${q}`;
};
const plainUrl = () => h.url.replace('https:', 'http:');
const get = (url: string) => fetch(url, { dispatcher: h.agent, redirect: 'manual' });
async function token(form: Record<string, string>, auth: 'basic' | 'post' | 'none' = 'basic', client = h.sim.workspace.oauth) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams(form);
  if (auth === 'basic') headers.Authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  if (auth === 'post') {
    body.set('client_id', client.clientId);
    body.set('client_secret', client.clientSecret);
  }
  const res = await fetch(`${h.url}/oidc/v1/token`, { method: 'POST', dispatcher: h.agent, headers, body: body.toString() });
  return { status: res.status, json: (await res.json()) as Record<string, string | number> };
}
async function codeFor(userName: string, challenge: string) {
  const res = await get(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', login_hint: userName }));
  expect(res.status).toBe(302);
  const loc = new URL(res.headers.get('location') as string);
  expect(loc.searchParams.get('state')).toBe('st');
  return loc.searchParams.get('code') as string;
}

describe('discovery', () => {
  it('publishes the endpoints and S256 under both well-known names', async () => {
    for (const name of ['oauth-authorization-server', 'openid-configuration']) {
      const d = (await (await get(`${h.url}/oidc/.well-known/${name}`)).json()) as Record<string, unknown>;
      expect(d).toMatchObject({
        issuer: `${h.url}/oidc`,
        authorization_endpoint: `${plainUrl()}/oidc/v1/authorize`,
        token_endpoint: `${h.url}/oidc/v1/token`,
        code_challenge_methods_supported: ['S256'],
      });
    }
  });

  it('serves the sign-in page over plain HTTP on the same port (browsers cannot trust the generated CA) and nothing else', async () => {
    const { challenge } = pkce();
    const page = await fetch(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }).replace(h.url, plainUrl()));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Sign in to the workspace');
    const api = await fetch(`${plainUrl()}/api/2.0/token/list`, { headers: { Authorization: `Bearer ${h.sim.workspace.adminToken}` } });
    expect(api.status).toBe(400);
    expect(((await api.json()) as { message: string }).message).toContain(h.url);
    const tokenEndpoint = await fetch(`${plainUrl()}/oidc/v1/token`, { method: 'POST', body: 'grant_type=client_credentials' });
    expect(tokenEndpoint.status).toBe(400);
  });
});

describe('authorization code + PKCE', () => {
  it('signs a person in with login_hint, exchanges the code once, and issues a verifiable id_token', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(p.manager.userName, challenge);
    const ok = await token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ token_type: 'Bearer', expires_in: 2 });
    const me = await h.call<{ userName: string }>(ok.json.access_token as string, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(me.json.userName).toBe(p.manager.userName);
    const jwks = (await (await get(`${h.url}/oidc/v1/keys`)).json()) as { keys: Array<Record<string, string>> };
    const [head, body, sig] = (ok.json.id_token as string).split('.') as [string, string, string];
    const key = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(sig, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(body, 'base64url').toString())).toMatchObject({
      email: p.manager.userName,
      email_verified: true,
      aud: h.sim.workspace.oauth.clientId,
    });

    const reused = await token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT });
    expect(reused).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('rejects a wrong verifier, a missing verifier and a different redirect_uri', async () => {
    const { verifier, challenge } = pkce();
    expect(
      (
        await token({
          grant_type: 'authorization_code',
          code: await codeFor(p.analyst.userName, challenge),
          code_verifier: `${verifier}x`,
          redirect_uri: REDIRECT,
        })
      ).json.error,
    ).toBe('invalid_grant');
    expect(
      (await token({ grant_type: 'authorization_code', code: await codeFor(p.analyst.userName, challenge), redirect_uri: REDIRECT })).json
        .error,
    ).toBe('invalid_request');
    expect(
      (
        await token({
          grant_type: 'authorization_code',
          code: await codeFor(p.analyst.userName, challenge),
          code_verifier: verifier,
          redirect_uri: 'http://localhost:1/other',
        })
      ).json.error,
    ).toBe('invalid_grant');
    expect(
      (await token({ grant_type: 'authorization_code', code: 'dcodnope', code_verifier: verifier, redirect_uri: REDIRECT })).json.error,
    ).toBe('invalid_grant');
  });

  it('requires S256 PKCE, a registered loopback redirect and a known client', async () => {
    const noPkce = await get(authorizeUrl({ login_hint: p.analyst.userName }));
    expect(new URL(noPkce.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');
    const plain = await get(authorizeUrl({ code_challenge: 'abc', code_challenge_method: 'plain' }));
    expect(new URL(plain.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');
    expect(
      (await get(authorizeUrl({ redirect_uri: 'https://evil.example/cb', code_challenge: 'a', code_challenge_method: 'S256' }))).status,
    ).toBe(400);
    expect((await get(authorizeUrl({ client_id: 'who', code_challenge: 'a', code_challenge_method: 'S256' }))).status).toBe(400);
    const anyPort = await get(
      authorizeUrl({
        redirect_uri: 'http://127.0.0.1:5/cb',
        code_challenge: 'a',
        code_challenge_method: 'S256',
        login_hint: p.analyst.userName,
      }),
    );
    expect(anyPort.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:5\/cb\?code=/);
  });

  it('shows a sign-in page listing the role personas, and signs in whoever is picked', async () => {
    const { verifier, challenge } = pkce();
    const page = await get(authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256' }));
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const person of [p.admin, p.analyst, p.manager]) expect(html).toContain(person.displayName);
    expect(html).toContain('<label for="other_user">');
    const form = new URLSearchParams({
      client_id: h.sim.workspace.oauth.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'all-apis',
      state: 'st',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      user_name: p.analyst.userName,
    });
    const picked = await fetch(`${h.url}/oidc/v1/authorize`, {
      method: 'POST',
      dispatcher: h.agent,
      redirect: 'manual',
      body: form.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    const code = new URL(picked.headers.get('location') as string).searchParams.get('code') as string;
    const ok = await token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT }, 'post');
    expect(ok.status).toBe(200);
    expect(ok.json.refresh_token).toBeUndefined();
    const unknown = await get(
      authorizeUrl({ code_challenge: challenge, code_challenge_method: 'S256', login_hint: 'ghost@harborpine.com' }),
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('role="alert"');
  });
});

describe('token lifetime and refresh', () => {
  it('expires access tokens after the configured TTL (403) and refreshes them', async () => {
    const { verifier, challenge } = pkce();
    const first = await token({
      grant_type: 'authorization_code',
      code: await codeFor(p.analyst.userName, challenge),
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    const access = first.json.access_token as string;
    expect((await h.call(access, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(200);
    await expect
      .poll(async () => (await h.call(access, 'GET', '/api/2.0/preview/scim/v2/Me')).status, { timeout: 5000, interval: 250 })
      .toBe(403);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string });
    expect(refreshed.status).toBe(200);
    expect((await h.call(refreshed.json.access_token as string, 'GET', '/api/2.0/preview/scim/v2/Me')).status).toBe(200);
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'doaunope' })).json.error).toBe('invalid_grant');
  });
});

describe('client credentials (service principal M2M)', () => {
  it('issues a token to the service principal with HTTP Basic and refuses a wrong secret or the app client', async () => {
    const sp = h.sim.workspace.servicePrincipal;
    const ok = await token({ grant_type: 'client_credentials', scope: 'all-apis' }, 'basic', {
      clientId: sp.clientId,
      clientSecret: sp.clientSecret,
    });
    expect(ok.status).toBe(200);
    const me = await h.call<{ applicationId: string }>(ok.json.access_token as string, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(me.json.applicationId).toBe(sp.applicationId);
    const wrong = await token({ grant_type: 'client_credentials' }, 'basic', { clientId: sp.clientId, clientSecret: 'nope' });
    expect(wrong).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect((await token({ grant_type: 'client_credentials' })).json.error).toBe('unauthorized_client');
    expect((await token({ grant_type: 'password' })).json.error).toBe('unsupported_grant_type');
  });
});
