// The one wrapper every route handler goes through:
//   export const POST = route({ role: 'admin', body: RotateBody, params: IdParams }, async ({ user, body, params, workspace }) => …)
// It checks Origin on mutations, the session (401) and the role (403), parses params/query/body with zod (400 with the
// field and what to change), maps thrown errors to { error: { code, message, requestId } } and logs one line per request.
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { safeParse, type core } from 'zod/mini';
import { getConfig } from '../config';
import type { Role } from '../roles';
import { getWorkspace, type Workspace } from '../databricks/get-workspace';
import { upstreamWaitSoFar, withUpstreamWait } from '../databricks/upstream-wait';
import { authFromCookies, type AuthedContext } from '../auth/session';
import { serializeCookie, sessionCookieWrites } from '../auth/session-token';
import { log as rootLog, requestIdFrom, type Logger } from '../log';
import { hasRole, ROLE_LABELS } from '../roles';
import { searchParamsToObject } from '../url-state';
import { ApiError, toErrorResponse, type UpstreamMessages } from './errors';
import { readJsonBody } from './json-body';
import { inAttempt } from '../activity/server/attempts';
import { processSingleton } from '../singleton';
import { appendAction } from '../store/action-log';
import { getActionLogKey, getDb } from '../store/db';

export interface RouteSpec<B, P, Q> {
  role: Role;
  /** zod or zod/mini schemas (URL schemas shared with the browser should be zod/mini; see lib/url-state.ts). */
  body?: core.$ZodType<B>;
  params?: core.$ZodType<P>;
  query?: core.$ZodType<Q>;
  /** Wording for Databricks error codes on this route, e.g. { PERMISSION_DENIED: 'Token management needs workspace admin rights' }. */
  upstreamMessages?: UpstreamMessages;
  /** A mutation's name in the action log ('tokens.rotate'), for attempts refused before the area saw them. */
  action?: string;
}

export interface RouteContext<B, P, Q> {
  user: AuthedContext;
  body: B;
  params: P;
  query: Q;
  workspace: Workspace;
  requestId: string;
  request: NextRequest;
  log: Logger;
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function validate<T>(schema: core.$ZodType<T> | undefined, value: unknown, where: 'path' | 'query' | 'body'): T {
  if (!schema) return undefined as T;
  const parsed = safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.') || where, message: i.message }));
  const first = fields[0]!;
  const label = where === 'body' ? 'field' : where === 'query' ? 'query parameter' : 'path segment';
  throw new ApiError(
    400,
    'INVALID_INPUT',
    first.path === where ? `Invalid ${where}: ${first.message}` : `Invalid ${label} "${first.path}": ${first.message}`,
    fields,
  );
}

export function route<B = undefined, P = undefined, Q = undefined>(
  spec: RouteSpec<B, P, Q>,
  handler: (ctx: RouteContext<B, P, Q>) => Promise<unknown>,
) {
  return (request: NextRequest, context: NextContext): Promise<Response> => withUpstreamWait(() => handle(spec, handler, request, context));
}

async function handle<B, P, Q>(
  spec: RouteSpec<B, P, Q>,
  handler: (ctx: RouteContext<B, P, Q>) => Promise<unknown>,
  request: NextRequest,
  context: NextContext,
): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const log = rootLog.child({ requestId });
  const started = performance.now();
  const config = getConfig();
  let auth: Awaited<ReturnType<typeof authFromCookies>> = null;
  let user: AuthedContext | undefined;
  let response: Response;
  const attempt = { recorded: false };
  try {
    auth = await authFromCookies(request.cookies.getAll(), config);
    if (!auth) throw new ApiError(401, 'UNAUTHENTICATED', 'You are not signed in, or your session has ended. Sign in again.');
    if (!auth.role && auth.roleUnverified) {
      throw new ApiError(
        403,
        'ROLE_UNVERIFIED',
        'Brickwatch could not confirm your role with the Databricks workspace for too long, so your access is paused. It returns by itself once the workspace answers.',
      );
    }
    if (!hasRole(auth.role, spec.role)) {
      throw new ApiError(
        403,
        'FORBIDDEN',
        auth.role
          ? `This needs the ${ROLE_LABELS[spec.role]} role; you are ${ROLE_LABELS[auth.role]}.`
          : 'You have no Brickwatch role. Ask an administrator to add you to a Brickwatch group.',
      );
    }
    user = auth as AuthedContext;
    // Same-origin only: a cross-site form or fetch cannot carry our Origin. Non-browser clients must send it too.
    if (MUTATING.has(request.method) && request.headers.get('origin') !== config.auth.url) {
      throw new ApiError(403, 'BAD_ORIGIN', 'This request did not come from the Brickwatch page (Origin check failed)');
    }
    const params = validate(spec.params, await context.params, 'path');
    const query = validate(spec.query, searchParamsToObject(request.nextUrl.searchParams), 'query');
    const body = spec.body ? validate(spec.body, await readJsonBody(request), 'body') : (undefined as B);
    const workspace = getWorkspace(user, config);
    const result = await inAttempt(attempt, () => handler({ user: user!, body, params, query, workspace, requestId, request, log }));
    response = result instanceof Response ? result : NextResponse.json(result ?? {});
    if (user.refreshed) {
      // Persist a refreshed upstream token (and a rotated refresh token) in the cookie.
      for (const c of await sessionCookieWrites(user.token, config, request.cookies.getAll()))
        response.headers.append('Set-Cookie', serializeCookie(c));
    }
  } catch (e) {
    const mapped = toErrorResponse(e, requestId, config.identityMode, spec.upstreamMessages);
    if (MUTATING.has(request.method))
      await recordRefusal({
        spec,
        request,
        requestId,
        auth,
        attempt,
        code: mapped.body.error.code,
        message: mapped.body.error.message,
        log,
      });
    if (mapped.unexpected)
      log.error('http.unhandled', {
        method: request.method,
        path: request.nextUrl.pathname,
        error: e,
        stack: e instanceof Error ? e.stack : undefined,
      });
    response = NextResponse.json(mapped.body, { status: mapped.status, headers: mapped.headers });
  }
  response.headers.set('X-Request-Id', requestId);
  // Responses carry workspace data for one person: never cached by browsers or proxies.
  if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
  // upstreamMs: the part of durationMs spent waiting on Databricks (parallel calls counted once); the rest is ours.
  const upstream = upstreamWaitSoFar();
  log.info('http.request', {
    method: request.method,
    path: request.nextUrl.pathname,
    status: response.status,
    durationMs: tenths(performance.now() - started),
    upstreamMs: tenths(upstream?.waitedMs ?? 0),
    upstreamCalls: upstream?.calls ?? 0,
    user: user?.userName,
    role: user?.role,
  });
  return response;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

// A refusal no area recorded. A signed-in person's attempt becomes an action-log row (who, role, what, outcome);
// anonymous and foreign-Origin refusals go to the server log only, rate-limited, so nobody can flood the chain.
const REFUSALS_LOGGED_PER_MINUTE = 30;
const refusalLog = processSingleton('refusal-log', () => ({ minute: 0, count: 0, dropped: 0 }));

async function recordRefusal(r: {
  spec: RouteSpec<unknown, unknown, unknown>;
  request: NextRequest;
  requestId: string;
  auth: Awaited<ReturnType<typeof authFromCookies>>;
  attempt: { recorded: boolean };
  code: string;
  message: string;
  log: Logger;
}): Promise<void> {
  if (r.attempt.recorded) return;
  const path = r.request.nextUrl.pathname;
  if (!r.auth || r.code === 'BAD_ORIGIN') {
    const minute = Math.floor(Date.now() / 60_000);
    if (refusalLog.minute !== minute) {
      if (refusalLog.dropped) r.log.warn('http.refusals_dropped', { count: refusalLog.dropped });
      Object.assign(refusalLog, { minute, count: 0, dropped: 0 });
    }
    if (++refusalLog.count <= REFUSALS_LOGGED_PER_MINUTE) r.log.warn('http.refused', { method: r.request.method, path, refused: r.code });
    else refusalLog.dropped++;
    return;
  }
  await appendAction(getDb(), getActionLogKey(), {
    actor: r.auth.userName,
    role: r.auth.role ?? 'none',
    action: r.spec.action ?? `api.${r.request.method.toLowerCase()}`,
    target: `request:${path}`,
    outcome: 'failure',
    detail: { refused: r.code, reason: r.message },
    requestId: r.requestId,
  });
}

/**
 * For addresses no route matches (app/api/[[...path]]/route.ts): the JSON 404 in the error shape, logged like any
 * request. It needs no session: it says only that nothing is there, which is true for everyone.
 */
export function unknownApiPath(request: NextRequest): Response {
  const requestId = requestIdFrom(request.headers);
  const response = NextResponse.json(
    { error: { code: 'NOT_FOUND', message: 'There is no Brickwatch API at this address.', requestId } },
    { status: 404, headers: { 'X-Request-Id': requestId, 'Cache-Control': 'no-store' } },
  );
  rootLog.info('http.request', { requestId, method: request.method, path: request.nextUrl.pathname, status: 404, durationMs: 0 });
  return response;
}
