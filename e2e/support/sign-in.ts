// Scriptable sign-in: POST /api/auth/signin/databricks?login_hint=<userName> with next-auth's CSRF token. The
// simulator, given a login_hint, answers the authorize request with a code straight away, so no page is involved.
import { type APIRequestContext } from '@playwright/test';
import { expect } from './test';

export async function signInByApi(request: APIRequestContext, userName: string, landOn = '/'): Promise<void> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await request.post(`/api/auth/signin/databricks?login_hint=${encodeURIComponent(userName)}`, {
    form: { csrfToken, callbackUrl: landOn },
    maxRedirects: 10,
  });
  expect(res.ok(), `sign-in as ${userName} ended at ${res.url()} (HTTP ${res.status()})`).toBe(true);
  const session = (await (await request.get('/api/auth/session')).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(userName);
}
