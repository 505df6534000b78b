// Against a real HTTP server on loopback: what goes over the wire is what is asserted.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../log';
import { DatabricksError } from './errors';
import { RestClient, type Credentials } from './rest-client';
import { emptyResponse, listOf } from './schemas';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
  at: number;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

let server: http.Server;
let host: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body, at: Date.now() });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
});

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const quiet = createLogger({}, () => {}, 'error');
const staticToken: Credentials = { token: async () => 'tok-1' };
const client = (opts: Partial<ConstructorParameters<typeof RestClient>[0]> = {}) =>
  new RestClient({ host, credentials: staticToken, log: quiet, random: () => 0, retryBudgetMs: 3_000, ...opts });

const tokenList = z.object({ token_infos: listOf(z.object({ token_id: z.string(), expiry_time: z.number() })) });

async function failure(p: Promise<unknown>): Promise<DatabricksError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DatabricksError);
  return e as DatabricksError;
}

describe('RestClient', () => {
  it('sends the bearer token and query, validates the response and defaults missing lists to []', async () => {
    handler = (_req, res) => json(res, 200, {});
    const data = await client().get('/api/2.0/token-management/tokens', tokenList, {
      query: { created_by_username: 'ann@example.com', skip: undefined },
    });
    expect(data).toEqual({ token_infos: [] });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/api/2.0/token-management/tokens?created_by_username=ann%40example.com',
      auth: 'Bearer tok-1',
    });
  });

  it('returns the Databricks request id with call()', async () => {
    handler = (_req, res) => json(res, 200, '', { 'x-request-id': 'rq-9' });
    const r = await client().call('POST', '/api/2.0/token/delete', emptyResponse, { body: { token_id: 'a' } });
    expect(r).toEqual({ data: {}, status: 200, requestId: 'rq-9' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ token_id: 'a' });
  });

  it('turns an unexpected response shape into UNEXPECTED_RESPONSE naming the field', async () => {
    handler = (_req, res) => json(res, 200, { token_infos: [{ token_id: 5 }] });
    const e = await failure(client().get('/api/2.0/token/list', tokenList));
    expect(e.errorCode).toBe('UNEXPECTED_RESPONSE');
    expect(e.message).toContain('token_infos.0.token_id');
  });

  it('waits at least Retry-After seconds before retrying a throttled GET', async () => {
    handler = (_req, res, n) =>
      n === 1
        ? json(res, 429, { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }, { 'retry-after': '1' })
        : json(res, 200, { token_infos: [] });
    await client().get('/api/2.0/token/list', tokenList);
    expect(seen).toHaveLength(2);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('gives up at once when Retry-After exceeds the budget, reporting the wait asked for', async () => {
    handler = (_req, res) => json(res, 429, { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }, { 'retry-after': '30' });
    const e = await failure(client().get('/api/2.0/token/list', tokenList));
    expect([e.status, e.errorCode, e.retryAfterSeconds]).toEqual([429, 'REQUEST_LIMIT_EXCEEDED', 30]);
    expect(seen).toHaveLength(1);
  });

  it('retries a 503 GET with backoff until it succeeds', async () => {
    handler = (_req, res, n) =>
      n < 3
        ? json(res, 503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' })
        : json(res, 200, { token_infos: [{ token_id: 't', expiry_time: -1 }] });
    const data = await client().get('/api/2.0/token/list', tokenList);
    expect(data.token_infos).toEqual([{ token_id: 't', expiry_time: -1 }]);
    expect(seen).toHaveLength(3);
  });

  it('stops retrying a GET once the total budget is spent', async () => {
    handler = (_req, res) => json(res, 503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' });
    const e = await failure(client({ retryBudgetMs: 400 }).get('/x', emptyResponse));
    expect(e.errorCode).toBe('TEMPORARILY_UNAVAILABLE');
    // random() = 0 → delays 125, 250 (sum 375 ≤ 400), the next 500 would exceed it.
    expect(seen).toHaveLength(3);
  });

  it('never retries a POST that may have created something', async () => {
    handler = (_req, res) => json(res, 503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' }, { 'retry-after': '0' });
    const e = await failure(client().post('/api/2.0/token/create', emptyResponse, { body: { comment: 'x' } }));
    expect(e.status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('retries a call the caller marks idempotent', async () => {
    handler = (_req, res, n) => (n === 1 ? json(res, 503, {}, { 'retry-after': '0' }) : json(res, 200, {}));
    await client().call('PUT', '/api/2.0/permissions/authorization/tokens', emptyResponse, { body: {}, idempotent: true });
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT']);
  });

  it('retries a GET after the connection is reset', async () => {
    handler = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, { token_infos: [] }));
    await client().get('/api/2.0/token/list', tokenList);
    expect(seen).toHaveLength(2);
  });

  it('times out a hung call without retrying it', async () => {
    handler = () => {}; // never answers
    const e = await failure(client({ timeoutMs: 200 }).get('/hang', emptyResponse));
    expect(e.errorCode).toBe('TIMEOUT');
    expect(e.message).toMatch(/within 0\.2 s \(GET \/hang\)/);
    expect(seen).toHaveLength(1);
  });

  it('reports an unreachable host with the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(client({ host: `http://127.0.0.1:${port}`, retryBudgetMs: 0 }).get('/x', emptyResponse));
    expect([e.status, e.errorCode]).toEqual([0, 'UNREACHABLE']);
    expect(e.message).toMatch(/connection refused \(ECONNREFUSED\)/);
  });

  it('fetches a new token once after a 401 when the credentials can be refreshed', async () => {
    let issued = 0;
    const creds: Credentials = { token: async () => `m2m-${++issued}`, invalidate: () => {} };
    handler = (req, res) =>
      req.headers.authorization === 'Bearer m2m-1'
        ? json(res, 401, { error_code: 'UNAUTHENTICATED', message: 'expired' })
        : json(res, 200, {});
    await client({ credentials: creds }).post('/api/2.0/token/create', emptyResponse, { body: {} });
    expect(seen.map((s) => s.auth)).toEqual(['Bearer m2m-1', 'Bearer m2m-2']);
  });

  it('does not loop on a 401 that persists', async () => {
    const creds: Credentials = { token: async () => 'bad', invalidate: () => {} };
    handler = (_req, res) => json(res, 401, { error_code: 'UNAUTHENTICATED', message: 'nope' });
    const e = await failure(client({ credentials: creds }).get('/x', emptyResponse));
    expect(e.status).toBe(401);
    expect(seen).toHaveLength(2);
  });
});
