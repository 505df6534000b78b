// Runs before every page and API request. It does three things only: refuses an API address whose percent-encoding
// is broken (Next would fail decoding it into route params and answer a bare 500, before any route code runs), sets
// the per-request CSP nonce on pages (Next applies it to its own scripts), and sends page visitors without a session
// cookie to sign-in. It
// authorizes nothing: every page and route handler checks the session and role itself (lib/auth/session.ts,
// lib/api/route.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { developmentServer } from './lib/config';
import { log, requestIdFrom } from './lib/log';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];
const PUBLIC_PATHS = new Set(['/login']);

/** The page CSP. Exported for its unit test: development differs from production in one token only. */
export function contentSecurityPolicy(nonce: string, { https, development }: { https: boolean; development: boolean }): string {
  return [
    "default-src 'self'",
    // React's dev tooling needs eval; production never does. No 'unsafe-inline': a script runs only with the nonce.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (virtualised rows, positions) are not script; a nonce here would disable 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true; // %zz, a truncated sequence (%E0%A4%A), or bytes that are not UTF-8 (%C0%AE)
  }
}

/** The route layer's JSON error shape (lib/api/errors.ts), for the one API error answered before any route runs. */
function badApiPath(request: NextRequest): NextResponse {
  const requestId = requestIdFrom(request.headers);
  const message = 'This address is not valid: it contains a broken percent-encoded character (such as %zz).';
  const response = NextResponse.json({ error: { code: 'INVALID_PATH', message, requestId } }, { status: 400 });
  response.headers.set('X-Request-Id', requestId);
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  log.info('http.request', { requestId, method: request.method, path: request.nextUrl.pathname, status: 400, errorCode: 'INVALID_PATH' });
  return response;
}

export default function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/')) {
    // API routes answer 401 themselves (as JSON) and carry their own CSP from next.config.js.
    return malformedPath(pathname) ? badApiPath(request) : NextResponse.next();
  }

  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { https, development: developmentServer() });
  const signedIn = request.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));

  let response: NextResponse;
  if (!signedIn && !PUBLIC_PATHS.has(pathname)) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // APIs only when the raw path has a percent sign, for the check above: Next buffers the request body of every
    // request the proxy sees (to replay it to the route), which would undo the route layer's streamed body limit and
    // make an API wait for the end of an endless body before answering.
    '/api/:path(.*%.*)',
  ],
};
