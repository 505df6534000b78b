// next-auth's endpoints (/api/auth/signin, callback, csrf, session, signout).
import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/lib/auth/options';
import { getConfig } from '@/lib/config';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 forwards every query parameter of POST /api/auth/signin/<provider> to the identity provider's
// authorize URL. Only these may pass: login_hint (scriptable sign-in against the simulator, and a convenience with a
// real IdP) and prompt. Anything else (redirect_uri, scope...) would let a link change the OAuth request.
const SIGNIN_PARAMS = new Set(['login_hint', 'prompt']);

async function restrictSignInParams(request: NextRequest, action: string | undefined): Promise<NextRequest> {
  if (action !== 'signin') return request;
  const url = request.nextUrl.clone();
  for (const key of [...url.searchParams.keys()]) if (!SIGNIN_PARAMS.has(key)) url.searchParams.delete(key);
  if (url.search === request.nextUrl.search) return request;
  const body = request.method === 'POST' ? await request.text() : undefined;
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const action = (await context.params).nextauth?.[0];
  const handler = NextAuth(buildAuthOptions(getConfig())) as (req: NextRequest, ctx: Context) => Promise<Response>;
  return handler(await restrictSignInParams(request, action), context);
}

export { handle as GET, handle as POST };
