// The two next-auth calls the browser makes, without shipping next-auth/react: fetch the CSRF token, POST with
// json=true, and navigate to the URL next-auth answers with (the IdP, or the sign-in page after sign-out).

async function csrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  const body = (await res.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('Could not start sign-in (no CSRF token)');
  return body.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  if (!res.ok || !body.url) throw new Error('The sign-in service did not answer as expected');
  return body.url;
}

export async function signIn(providerId: string, callbackUrl: string): Promise<void> {
  window.location.assign(await post(`/api/auth/signin/${encodeURIComponent(providerId)}`, { callbackUrl }));
}

export async function signOut(): Promise<void> {
  await post('/api/auth/signout', { callbackUrl: '/login?signedOut=1' });
  window.location.assign('/login?signedOut=1');
}
