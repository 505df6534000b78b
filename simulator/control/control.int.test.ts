import { fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from './request-log';
import { personas, startHarness, type Harness } from '../testing/harness';

let h: Harness;
let analyst: string;
beforeAll(async () => {
  h = await startHarness({ faults: 'GET /api/2.0/clusters/** -> 503 times=1' });
  analyst = (await h.login(personas(h).analyst.userName)).access_token;
});
afterAll(() => h?.close());

const addRule = (spec: string) => h.call<{ rules: Array<{ id: string }> }>(h.admin, 'POST', '/__simulator/faults', { spec });
const requests = async (query = '') =>
  (await h.call<{ requests: RequestLogEntry[] }>(h.admin, 'GET', `/__simulator/requests${query}`)).json.requests;

describe('cross-cutting REST behaviour', () => {
  it('answers malformed JSON, unknown paths and missing credentials as Databricks does', async () => {
    const bad = await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', '{"scope":');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error_code: 'MALFORMED_REQUEST' });
    const unknown = await h.call(h.admin, 'GET', '/api/2.0/nothing/here');
    expect(unknown).toMatchObject({ status: 404, json: { error_code: 'ENDPOINT_NOT_FOUND' } });
    const wrongMethod = await h.call(h.admin, 'DELETE', '/api/2.0/secrets/scopes/list');
    expect(wrongMethod.status).toBe(404);
    const anon = await h.call(null, 'GET', '/api/2.0/secrets/scopes/list');
    expect(anon).toMatchObject({ status: 401, json: { error_code: 401 } });
    const errorWithId = await h.call(h.admin, 'GET', '/api/2.0/secrets/list?scope=missing');
    expect(errorWithId.json).toMatchObject({
      details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', request_id: errorWithId.res.headers.get('x-request-id') }],
    });
  });

  it('omits empty lists', async () => {
    await h.call(h.admin, 'POST', '/api/2.0/secrets/scopes/create', { scope: 'empty' });
    expect((await h.call(h.admin, 'GET', '/api/2.0/secrets/list?scope=empty')).json).toEqual({});
  });
});

describe('fault rules', () => {
  it('applies --faults from the command line once (times=1) with the real error body', async () => {
    const first = await h.call(h.admin, 'GET', '/api/2.0/clusters/list');
    expect(first).toMatchObject({ status: 503, json: { error_code: 'TEMPORARILY_UNAVAILABLE' } });
    expect((await h.call(h.admin, 'GET', '/api/2.0/clusters/list')).status).toBe(200);
  });

  it('returns 429 with an integer Retry-After, status faults with a chosen error code, and clears rules', async () => {
    const { json } = await addRule('GET /api/2.0/token-management/** -> 429 retry-after=3; POST /api/2.0/secrets/* -> 500:INTERNAL_ERROR');
    const limited = await h.call(h.admin, 'GET', '/api/2.0/token-management/tokens');
    expect(limited.status).toBe(429);
    expect(limited.res.headers.get('retry-after')).toBe('3');
    expect(limited.json).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
    expect((await h.call(h.admin, 'POST', '/api/2.0/secrets/put', {})).json).toMatchObject({ error_code: 'INTERNAL_ERROR' });
    const listed = await h.call<{ rules: Array<{ id: string; hits: number }> }>(h.admin, 'GET', '/__simulator/faults');
    expect(listed.json.rules.find((r) => r.id === json.rules[0]?.id)?.hits).toBe(1);
    expect((await h.call(h.admin, 'DELETE', `/__simulator/faults/${json.rules[0]?.id}`)).json).toEqual({ removed: 1 });
    expect((await h.call(h.admin, 'GET', '/api/2.0/token-management/tokens')).status).toBe(200);
    await h.call(h.admin, 'DELETE', '/__simulator/faults');
    expect((await h.call<{ rules: unknown[] }>(h.admin, 'GET', '/__simulator/faults')).json.rules).toEqual([]);
  });

  it('delays, hangs until the client gives up, and drops the response of a create that still happened', async () => {
    await addRule('GET /api/2.0/secrets/scopes/list -> delay:300 times=1');
    const started = performance.now();
    expect((await h.call(h.admin, 'GET', '/api/2.0/secrets/scopes/list')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);

    await addRule('GET /api/2.0/ip-access-lists -> hang times=1');
    const hung = fetch(`${h.url}/api/2.0/ip-access-lists`, {
      dispatcher: h.agent,
      headers: { Authorization: `Bearer ${h.admin}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();

    await addRule('POST /api/2.0/token/create -> drop times=1');
    const before = (await h.call<{ token_infos?: unknown[] }>(analyst, 'GET', '/api/2.0/token/list')).json.token_infos?.length ?? 0;
    await expect(h.call(analyst, 'POST', '/api/2.0/token/create', { lifetime_seconds: 600, comment: 'dropped' })).rejects.toThrow();
    const after = (await h.call<{ token_infos: Array<{ comment?: string }> }>(analyst, 'GET', '/api/2.0/token/list')).json.token_infos;
    expect(after).toHaveLength(before + 1);
    expect(after.some((t) => t.comment === 'dropped')).toBe(true);
    await expect.poll(async () => (await requests('?path_prefix=/api/2.0/ip-access-lists')).at(-1)?.status).toBe(0);
  });

  it('rejects invalid rules with a message', async () => {
    const bad = await addRule('GET /x -> 418 p=2');
    expect(bad.status).toBe(400);
    expect(
      (await h.call(h.admin, 'POST', '/__simulator/faults', { rules: [{ method: 'GET', path: '/x', action: { type: 'explode' } }] }))
        .status,
    ).toBe(400);
    const json = await h.call<{ rules: Array<{ probability: number; times: number }> }>(h.admin, 'POST', '/__simulator/faults', {
      rules: [{ method: 'get', path: '/api/2.0/never/**', action: { type: 'status', status: 504 }, probability: 0.5, times: 2 }],
    });
    expect(json.json.rules[0]).toMatchObject({ method: 'GET', probability: 0.5, times: 2 });
    await h.call(h.admin, 'DELETE', '/__simulator/faults');
  });
});

describe('control surface and request log', () => {
  it('needs an admin bearer', async () => {
    expect((await h.call(null, 'GET', '/__simulator/requests')).status).toBe(401);
    expect((await h.call(analyst, 'GET', '/__simulator/requests')).status).toBe(403);
  });

  it('records method, path, status, duration and identity, and resets', async () => {
    expect((await h.call<{ removed: number }>(h.admin, 'DELETE', '/__simulator/requests')).json.removed).toBeGreaterThan(0);
    await h.call(analyst, 'GET', '/api/2.0/preview/scim/v2/Me');
    await h.call(h.admin, 'GET', '/api/2.0/secrets/list?scope=nope');
    const log = await requests();
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/api/2.0/preview/scim/v2/Me', 200],
      ['GET', '/api/2.0/secrets/list', 404],
    ]);
    expect(log[0]?.identity).toBe(personas(h).analyst.userName);
    expect(log[1]?.query).toBe('scope=nope');
    expect(log.every((e) => typeof e.durationMs === 'number' && e.requestId)).toBe(true);
    expect(await requests(`?since=${log[0]?.seq}`)).toHaveLength(1);
  });

  it('adds latency to every request when asked', async () => {
    await h.call(h.admin, 'PUT', '/__simulator/latency', { ms: 250 });
    const started = performance.now();
    await h.call(analyst, 'GET', '/api/2.0/preview/scim/v2/Me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    await h.call(h.admin, 'PUT', '/__simulator/latency', { ms: 0 });
  });
});
