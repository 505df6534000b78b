// The wrapper end to end on real requests: a real encrypted session cookie, a real SQLite store for ended sessions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { endSession } from '../auth/ended-sessions';
import type { SessionToken } from '../auth/session-token';
import type { Role } from '../roles';
import { DatabricksError } from '../databricks/errors';
import { awaitingUpstream } from '../databricks/upstream-wait';
import { DomainError, type DomainErrorKind } from '../errors';
import { ApiError } from './errors';
import { recordAction } from '../activity/server/record';
import { listActions } from '../store/action-log';
import { getDb } from '../store/db';
import { route, unknownApiPath } from './route';

const ORIGIN = 'http://localhost:3999';
const SECRET = 'route-test-secret-route-test-secret-0123';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-route-'));
Object.assign(process.env, {
  DATABRICKS_HOST: 'https://127.0.0.1:9',
  DATABRICKS_WAREHOUSE_ID: 'w1',
  BRICKWATCH_OAUTH_CLIENT_ID: 'app',
  NEXTAUTH_URL: ORIGIN,
  NEXTAUTH_SECRET: SECRET,
  BRICKWATCH_DATA_DIR: dataDir,
  BRICKWATCH_LOG_LEVEL: 'info',
});

let lines: string[] = [];
beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
});
afterAll(() => {
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cookieFor(
  role: Role | null,
  sid = `sid-${Math.random().toString(36).slice(2)}`,
  extra: Partial<SessionToken> = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const token: SessionToken = {
    sid,
    rev: 0,
    userName: 'ann@example.com',
    displayName: 'Ann',
    role,
    provider: 'databricks',
    accessToken: 'upstream-token',
    refreshToken: 'r',
    expiresAt: now + 3600,
    roleCheckedAt: now,
    ...extra,
  };
  return `next-auth.session-token=${await encode({ token, secret: SECRET })}`;
}

function request(
  method: string,
  url: string,
  {
    cookie,
    origin,
    body,
    contentType = 'application/json',
  }: { cookie?: string; origin?: string; body?: string; contentType?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (cookie) headers.cookie = cookie;
  if (origin) headers.origin = origin;
  return new NextRequest(`${ORIGIN}${url}`, { method, headers, body });
}
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; requestId: string; fields?: unknown[] } }).error;
}

const listTokens = route(
  { role: 'analyst', query: z.object({ days: z.coerce.number().int().min(1).max(90).default(30) }) },
  async ({ user, query, workspace }) => ({ who: user.userName, days: query.days, actingAs: workspace.actingAs }),
);
const rotate = route(
  {
    role: 'admin',
    params: z.object({ id: z.string().regex(/^[0-9a-f]{8}$/, 'must be a token id (8 hex characters)') }),
    body: z.object({ lifetimeDays: z.number().int().min(1).max(90) }),
  },
  async ({ params, body }) => ({ id: params.id, lifetimeDays: body.lifetimeDays }),
);

describe('route()', () => {
  it('answers 401 without a session, or with a cookie it cannot decrypt', async () => {
    for (const cookie of [undefined, 'next-auth.session-token=garbage']) {
      const res = await listTokens(request('GET', '/api/tokens', { cookie }), ctx());
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('answers 401 for a session that was signed out', async () => {
    const cookie = await cookieFor('admin', 'sid-signed-out-1');
    endSession('sid-signed-out-1');
    expect((await listTokens(request('GET', '/api/tokens', { cookie }), ctx())).status).toBe(401);
  });

  it('answers 403 below the required role, naming both roles, and for no role at all', async () => {
    const res = await listTokens(request('GET', '/api/tokens', { cookie: await cookieFor('manager') }), ctx());
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: 'This needs the Analyst role; you are Manager.' });
    const none = await listTokens(request('GET', '/api/tokens', { cookie: await cookieFor(null) }), ctx());
    expect((await errorOf(none)).message).toMatch(/no Brickwatch role/);
  });

  it('answers 403 saying why when the role was dropped because the workspace could not confirm it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cookie = await cookieFor(null, undefined, { roleUnverified: true, roleCheckedAt: now - 31 * 60, roleRetryAt: now + 15 });
    const res = await listTokens(request('GET', '/api/tokens', { cookie }), ctx());
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({ code: 'ROLE_UNVERIFIED', message: expect.stringMatching(/could not confirm your role/) });
  });

  it('passes the parsed query, the person and the workspace to the handler', async () => {
    const res = await listTokens(request('GET', '/api/tokens?days=7', { cookie: await cookieFor('analyst') }), ctx());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ who: 'ann@example.com', days: 7, actingAs: { kind: 'user', name: 'ann@example.com' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 400 naming the query parameter and what is wrong', async () => {
    const res = await listTokens(request('GET', '/api/tokens?days=500', { cookie: await cookieFor('admin') }), ctx());
    expect(res.status).toBe(400);
    const e = await errorOf(res);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^Invalid query parameter "days": /);
  });

  it('refuses a mutation from another origin, or without one', async () => {
    const cookie = await cookieFor('admin');
    for (const origin of ['https://evil.example', undefined]) {
      const res = await rotate(
        request('POST', '/api/tokens/0123abcd/rotate', { cookie, origin, body: '{"lifetimeDays":30}' }),
        ctx({ id: '0123abcd' }),
      );
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('BAD_ORIGIN');
    }
  });

  it('validates path params and the JSON body of a mutation', async () => {
    const cookie = await cookieFor('admin');
    const ok = await rotate(
      request('POST', '/api/tokens/0123abcd/rotate', { cookie, origin: ORIGIN, body: '{"lifetimeDays":30}' }),
      ctx({ id: '0123abcd' }),
    );
    expect(await ok.json()).toEqual({ id: '0123abcd', lifetimeDays: 30 });
    const badId = await rotate(
      request('POST', '/api/tokens/x/rotate', { cookie, origin: ORIGIN, body: '{"lifetimeDays":30}' }),
      ctx({ id: 'x' }),
    );
    expect(await errorOf(badId)).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Invalid path segment "id": must be a token id (8 hex characters)',
    });
    const badBody = await rotate(
      request('POST', '/api/tokens/0123abcd/rotate', { cookie, origin: ORIGIN, body: '{"lifetimeDays":400}' }),
      ctx({ id: '0123abcd' }),
    );
    expect((await errorOf(badBody)).message).toMatch(/^Invalid field "lifetimeDays": /);
    const notJson = await rotate(
      request('POST', '/api/tokens/0123abcd/rotate', { cookie, origin: ORIGIN, body: '{oops' }),
      ctx({ id: '0123abcd' }),
    );
    expect([notJson.status, (await errorOf(notJson)).code]).toEqual([400, 'INVALID_JSON']);
    const form = await rotate(
      request('POST', '/api/tokens/0123abcd/rotate', {
        cookie,
        origin: ORIGIN,
        body: 'lifetimeDays=30',
        contentType: 'application/x-www-form-urlencoded',
      }),
      ctx({ id: '0123abcd' }),
    );
    expect(form.status).toBe(415);
  });

  it('accepts application/json with parameters only, not look-alike media types', async () => {
    const cookie = await cookieFor('admin');
    const send = (contentType: string) =>
      rotate(
        request('POST', '/api/tokens/0123abcd/rotate', { cookie, origin: ORIGIN, body: '{"lifetimeDays":30}', contentType }),
        ctx({ id: '0123abcd' }),
      );
    for (const ok of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8', 'application/json ; q=1'])
      expect((await send(ok)).status, ok).toBe(200);
    for (const bad of ['application/jsonx', 'application/json-patch+json', 'application/json5', 'text/json', 'application/jsonp; x=1', ''])
      expect([(await send(bad)).status, bad]).toEqual([415, bad]);
  });

  it('refuses a body whose Content-Length is too large without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode('{"lifetimeDays":30}'));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const req = new NextRequest(`${ORIGIN}/api/tokens/0123abcd/rotate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(10 * 1024 * 1024),
        cookie: await cookieFor('admin'),
        origin: ORIGIN,
      },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await rotate(req, ctx({ id: '0123abcd' }));
    expect([res.status, (await errorOf(res)).code]).toEqual([413, 'TOO_LARGE']);
    expect(pulled).toBe(0);
  });

  it('stops reading a body without a length once it passes the limit', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    // 64 MiB of whitespace if read to the end; the limit is 256 KiB.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 64 * 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const req = new NextRequest(`${ORIGIN}/api/tokens/0123abcd/rotate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieFor('admin'), origin: ORIGIN },
      body,
      duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await rotate(req, ctx({ id: '0123abcd' }));
    expect([res.status, (await errorOf(res)).code]).toEqual([413, 'TOO_LARGE']);
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it("maps a Databricks refusal to the route's own wording, with the upstream code for support", async () => {
    const denied = route(
      { role: 'analyst', upstreamMessages: { PERMISSION_DENIED: 'Token management needs workspace admin rights' } },
      async () => {
        throw new DatabricksError(403, 'PERMISSION_DENIED', 'Only admins can access all tokens', 'up-7');
      },
    );
    const res = await denied(request('GET', '/api/tokens', { cookie: await cookieFor('analyst') }), ctx());
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({
      code: 'UPSTREAM_PERMISSION_DENIED',
      message: 'Token management needs workspace admin rights',
      upstream: { errorCode: 'PERMISSION_DENIED', requestId: 'up-7' },
    });
  });

  it('maps throttling to 503 with Retry-After and a handler ApiError as thrown', async () => {
    const throttled = route({ role: 'analyst' }, async () => {
      throw new DatabricksError(429, 'REQUEST_LIMIT_EXCEEDED', 'slow down', null, 12);
    });
    const res = await throttled(request('GET', '/x', { cookie: await cookieFor('admin') }), ctx());
    expect([res.status, res.headers.get('retry-after'), (await errorOf(res)).code]).toEqual([503, '12', 'UPSTREAM_RATE_LIMITED']);
    const busy = route({ role: 'analyst' }, async () => {
      throw new ApiError(409, 'ROTATION_IN_PROGRESS', 'Another admin is rotating this token');
    });
    expect((await busy(request('GET', '/x', { cookie: await cookieFor('admin') }), ctx())).status).toBe(409);
  });

  it('maps each kind of domain error to its status, with the message and fields as thrown', async () => {
    const cases: Array<[DomainErrorKind, number]> = [
      ['invalid', 400],
      ['not_found', 404],
      ['conflict', 409],
      ['refused', 422],
      ['unavailable', 503],
      ['failed', 502],
    ];
    for (const [kind, status] of cases) {
      const handler = route({ role: 'analyst' }, async () => {
        throw new DomainError(kind, 'SOME_CODE', 'Said in words', [{ path: 'lifetimeDays', message: 'Lifetime must be at least 1 day' }]);
      });
      const res = await handler(request('GET', '/x', { cookie: await cookieFor('admin') }), ctx());
      expect(res.status, kind).toBe(status);
      expect(await errorOf(res)).toMatchObject({ code: 'SOME_CODE', message: 'Said in words', fields: [{ path: 'lifetimeDays' }] });
    }
  });

  it('passes on what Databricks said when it fails, as a 502', async () => {
    const failing = route({ role: 'analyst' }, async () => {
      throw new DatabricksError(502, 'TEMPORARILY_UNAVAILABLE', '[TEMPORARILY_UNAVAILABLE] Warehouse is restarting');
    });
    const res = await failing(request('GET', '/x', { cookie: await cookieFor('admin') }), ctx());
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'Databricks answered with an error: [TEMPORARILY_UNAVAILABLE] Warehouse is restarting. Try again shortly.',
      upstream: { errorCode: 'TEMPORARILY_UNAVAILABLE' },
    });
  });

  it('does not repeat advice Databricks already gave', async () => {
    const failing = route({ role: 'analyst' }, async () => {
      throw new DatabricksError(503, 'TEMPORARILY_UNAVAILABLE', 'The service is temporarily unavailable. Please try again later.');
    });
    const res = await failing(request('GET', '/x', { cookie: await cookieFor('admin') }), ctx());
    expect((await errorOf(res)).message).toBe(
      'Databricks answered with an error: The service is temporarily unavailable. Please try again later.',
    );
  });

  it('never sends the message of an unexpected error, and logs it with the request id', async () => {
    lines = [];
    const broken = route({ role: 'manager' }, async () => {
      throw new Error('SQLITE_CORRUPT at /var/secret/path');
    });
    const res = await broken(request('GET', '/api/overview', { cookie: await cookieFor('manager') }), ctx());
    const e = await errorOf(res);
    expect(res.status).toBe(500);
    expect(e.message).not.toContain('SQLITE');
    expect(e.message).toContain(e.requestId);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.find((l) => l.msg === 'http.unhandled')).toMatchObject({
      requestId: e.requestId,
      error: { message: 'SQLITE_CORRUPT at /var/secret/path' },
    });
    expect(logged.find((l) => l.msg === 'http.request')).toMatchObject({
      requestId: e.requestId,
      method: 'GET',
      path: '/api/overview',
      status: 500,
      user: 'ann@example.com',
      role: 'manager',
    });
  });

  it("logs how much of the request's time was spent waiting on Databricks, parallel calls counted once", async () => {
    lines = [];
    const waits = route({ role: 'analyst' }, async () => {
      const call = (ms: number) => awaitingUpstream(new Promise((r) => setTimeout(r, ms)));
      await Promise.all([call(40), call(60)]);
      return { ok: true };
    });
    await waits(request('GET', '/api/waits', { cookie: await cookieFor('analyst') }), ctx());
    const line = lines
      .map((l) => JSON.parse(l) as { msg: string; durationMs: number; upstreamMs: number; upstreamCalls: number })
      .find((l) => l.msg === 'http.request')!;
    expect(line.upstreamCalls).toBe(2);
    expect(line.upstreamMs).toBeGreaterThanOrEqual(59);
    expect(line.durationMs).toBeGreaterThanOrEqual(line.upstreamMs);
  });

  it('never logs the session cookie or the upstream token', async () => {
    lines = [];
    const cookie = await cookieFor('admin');
    await listTokens(request('GET', '/api/tokens', { cookie }), ctx());
    const all = lines.join('\n');
    expect(all).not.toContain(cookie.split('=')[1]!.slice(0, 40));
    expect(all).not.toContain('upstream-token');
  });

  it('answers an address no route serves with a JSON 404 in the error shape, signed in or not', async () => {
    for (const cookie of [undefined, await cookieFor('admin')]) {
      lines = [];
      const res = unknownApiPath(request('GET', '/api/tokens/abc', { cookie }));
      expect(res.status).toBe(404);
      const e = await errorOf(res);
      expect(e).toEqual({ code: 'NOT_FOUND', message: 'There is no Brickwatch API at this address.', requestId: expect.any(String) });
      expect(res.headers.get('x-request-id')).toBe(e.requestId);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
        expect.objectContaining({ msg: 'http.request', requestId: e.requestId, path: '/api/tokens/abc', status: 404 }),
      );
    }
  });
});

describe('every attempt to act', () => {
  const rows = () => listActions(getDb(), { limit: 100 });
  const mutation = route({ role: 'admin', action: 'things.change', body: z.object({ days: z.number() }) }, async () => ({ ok: true }));

  it('by a signed-in person, refused for role or input, is an action-log row with who, role and why', async () => {
    const before = (await rows()).length;
    await mutation(request('POST', '/api/things/7', { cookie: await cookieFor('analyst'), origin: ORIGIN, body: '{"days":1}' }), ctx());
    await mutation(request('POST', '/api/things/7', { cookie: await cookieFor('admin'), origin: ORIGIN, body: '{"days":"x"}' }), ctx());
    await mutation(request('POST', '/api/things/7', { cookie: await cookieFor(null), origin: ORIGIN, body: '{"days":1}' }), ctx());
    const [none, input, role] = await rows();
    expect((await rows()).length).toBe(before + 3);
    expect(role).toMatchObject({
      actor: 'ann@example.com',
      role: 'analyst',
      action: 'things.change',
      target: 'request:/api/things/7',
      outcome: 'failure',
      detail: { refused: 'FORBIDDEN' },
    });
    expect(input).toMatchObject({ role: 'admin', outcome: 'failure', detail: { refused: 'INVALID_INPUT' } });
    expect(none).toMatchObject({ role: 'none', detail: { refused: 'FORBIDDEN' } });
  });

  it('is not written twice when the area recorded it, and a failure no area recorded is written by the wrapper', async () => {
    const area = route({ role: 'admin', action: 'things.fail' }, async ({ workspace, user, requestId }) => {
      await recordAction({ ws: workspace, person: user, requestId }, 'things.fail', 'thing:1', 'failure', { why: 'upstream said no' });
      throw new DomainError('failed', 'UPSTREAM_REFUSED', 'Databricks refused.');
    });
    const silent = route({ role: 'admin', action: 'things.crash' }, async () => {
      throw new Error('a bug');
    });
    const before = (await rows()).length;
    await area(request('POST', '/api/things', { cookie: await cookieFor('admin'), origin: ORIGIN }), ctx());
    await silent(request('POST', '/api/things', { cookie: await cookieFor('admin'), origin: ORIGIN }), ctx());
    const added = (await rows()).slice(0, (await rows()).length - before);
    expect(added.map((r) => [r.action, r.target, r.detail?.refused ?? r.detail?.why])).toEqual([
      ['things.crash', 'request:/api/things', 'INTERNAL'],
      ['things.fail', 'thing:1', 'upstream said no'],
    ]);
  });

  it('anonymous or from a foreign Origin, goes to the server log only', async () => {
    const before = (await rows()).length;
    lines = [];
    await mutation(request('POST', '/api/things/7', { origin: ORIGIN, body: '{"days":1}' }), ctx());
    await mutation(
      request('POST', '/api/things/7', { cookie: await cookieFor('admin'), origin: 'https://evil.example', body: '{"days":1}' }),
      ctx(),
    );
    expect((await rows()).length).toBe(before);
    const refused = lines.map((l) => JSON.parse(l) as { msg: string; refused?: string }).filter((l) => l.msg === 'http.refused');
    expect(refused.map((l) => l.refused)).toEqual(['UNAUTHENTICATED', 'BAD_ORIGIN']);
  });
});
