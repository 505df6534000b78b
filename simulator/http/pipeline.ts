// One request's path through the simulator: latency → routing → authentication → fault rules → handler → audit →
// request log. OIDC and the SQL warehouse share the same latency, faults and log; /__simulator/ bypasses them.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type AuditSink, type FaultAction, type Principal, type RequestMeta, type RestRequest } from '../core/contract';
import type { RequestLog } from '../control/request-log';
import type { FaultEngine } from '../faults/engine';
import type { Authenticator } from '../identity/auth';
import { defaultErrorCode, defaultErrorMessage, errorBody } from './errors';
import { BodyTooLargeError, clientIp, json, readBody, send, sleep, type RawResult } from './io';
import type { Router } from './router';
import type { WsResponse, WsRoute } from './types';

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  meta: RequestMeta;
}

export interface SqlEndpoint {
  warehouseId: string;
  handle(body: Buffer, principal: Principal, meta: RequestMeta, fault: FaultAction | null): Promise<Buffer>;
}

export interface PipelineDeps {
  router: Router;
  auth: Authenticator;
  faults: FaultEngine;
  log: RequestLog;
  audit: AuditSink;
  latencyMs: () => number;
  oidc: (req: RawRequest) => Promise<RawResult>;
  control: (req: RawRequest) => Promise<RawResult>;
  sql: SqlEndpoint;
  /** Runs a section alone among the simulator's writes (SimDb.exclusive). */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Open "hang" faults, released when the server stops. */
  hanging: Set<() => void>;
}

interface Outcome {
  result: RawResult | 'hang';
  identity: string | null;
  fault: string | null;
  drop: boolean;
}

const WAREHOUSE_PATH = /^\/sql\/1\.0\/warehouses\/([^/]+)$/;

export function createPipeline(deps: PipelineDeps) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'https://simulator.invalid');
    const meta: RequestMeta = { requestId: randomUUID(), sourceIp: clientIp(req), userAgent: String(req.headers['user-agent'] ?? '') };
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLargeError)) throw e;
      send(res, json(413, { error_code: 'MAX_READ_SIZE_EXCEEDED', message: 'Request body is too large.' }), meta.requestId);
      return;
    }
    const raw: RawRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, meta };
    if (raw.path.startsWith('/__simulator/')) return send(res, await deps.control(raw), meta.requestId);

    const latency = deps.latencyMs();
    if (latency > 0) await sleep(latency);
    const outcome = await route(deps, raw);
    if (outcome.result === 'hang') await hang(deps, res);
    else if (outcome.drop) res.destroy();
    else send(res, outcome.result, meta.requestId);
    deps.log.record({
      time: new Date().toISOString(),
      method: raw.method,
      path: raw.path,
      query: raw.path.startsWith('/api/') ? raw.query.toString() : '',
      status: outcome.result === 'hang' || outcome.drop ? 0 : outcome.result.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      identity: outcome.identity,
      requestId: meta.requestId,
      fault: outcome.fault,
    });
  };
}

async function route(deps: PipelineDeps, raw: RawRequest): Promise<Outcome> {
  const done = (result: RawResult | 'hang', identity: string | null = null, fault: string | null = null, drop = false): Outcome => ({
    result,
    identity,
    fault,
    drop,
  });
  const warehouse = WAREHOUSE_PATH.exec(raw.path);
  if (warehouse) return sqlRequest(deps, raw, warehouse[1] as string, done);

  if (raw.path.startsWith('/oidc/')) {
    const fault = deps.faults.match(raw.method, raw.path);
    const label = fault ? `${fault.ruleId}:${fault.action.type}` : null;
    const early = fault ? await applyFault(fault.action, raw.path) : null;
    if (early) return done(early, null, label);
    return done(await deps.oidc(raw), null, label, fault?.action.type === 'drop_response');
  }

  const match = deps.router.match(raw.method, raw.path);
  if (!match) {
    return done(json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${raw.method} ${raw.path}'` }));
  }
  const auth = await deps.auth.authenticate(raw.headers.authorization, raw.meta);
  if (!auth.ok) return done(json(auth.status, auth.body, auth.headers));
  const identity = auth.principal.name;
  const fault = deps.faults.match(raw.method, raw.path);
  const label = fault ? `${fault.ruleId}:${fault.action.type}` : null;
  const early = fault ? await applyFault(fault.action, raw.path) : null;
  if (early) return done(early, identity, label);

  const scim = raw.path.includes('/scim/v2/');
  let parsed: unknown = {};
  if (raw.body.length > 0 && raw.method !== 'GET') {
    try {
      parsed = JSON.parse(raw.body.toString('utf8'));
    } catch {
      const err = new ApiError(400, 'MALFORMED_REQUEST', 'Invalid JSON given in the body of the request - failed to parse given JSON');
      return done(json(400, errorBody(err, scim)), identity, label);
    }
  }
  const req: RestRequest = {
    method: raw.method,
    path: raw.path,
    params: match.params,
    query: raw.query,
    body: parsed,
    principal: auth.principal,
    meta: raw.meta,
  };
  // A handler's checks and writes (a unique name, a quota, an ACL merge, a record read then replaced) run as one
  // section, one call at a time: concurrent writers would otherwise interleave or conflict inside DuckDB.
  const call = () => invoke(match.route, req, scim);
  const { result, error, extra } = await (raw.method === 'GET' ? call() : deps.exclusive(call));
  audit(deps.audit, match.route, req, result.status, error, extra);
  return done(result, identity, label, fault?.action.type === 'drop_response');
}

async function invoke(
  route: WsRoute,
  req: RestRequest,
  scim: boolean,
): Promise<{ result: RawResult; error: string | null; extra?: WsResponse['auditParams'] }> {
  try {
    const out = await route.handler(req);
    const status = out.status ?? 200;
    const result: RawResult =
      status === 204 ? { status, headers: out.headers } : json(status, out.body === undefined ? {} : out.body, out.headers);
    return { result, error: null, extra: out.auditParams };
  } catch (e) {
    if (e instanceof ApiError) {
      const body = scim ? errorBody(e, true) : { ...(errorBody(e, false) as object), details: requestInfo(req.meta.requestId) };
      return { result: json(e.status, body), error: e.message };
    }
    console.error(`[simulator] ${req.method} ${req.path} failed (request ${req.meta.requestId}):`, e);
    const err = new ApiError(500, 'INTERNAL_ERROR', `Internal error (request id ${req.meta.requestId}).`);
    return { result: json(500, errorBody(err, scim)), error: err.message };
  }
}

function audit(
  sink: AuditSink,
  route: WsRoute,
  req: RestRequest,
  status: number,
  error: string | null,
  extra?: Record<string, string>,
): void {
  if (!route.audit) return;
  const base = route.audit.params?.(req) ?? {};
  for (const params of Array.isArray(base) ? base : [base]) {
    sink.append({
      serviceName: route.audit.service,
      actionName: route.audit.action,
      email: req.principal.name,
      requestParams: status < 400 ? { ...params, ...extra } : params,
      statusCode: status,
      errorMessage: error,
      sourceIp: req.meta.sourceIp,
      userAgent: req.meta.userAgent,
      requestId: req.meta.requestId,
    });
  }
}

const requestInfo = (requestId: string) => [
  { '@type': 'type.googleapis.com/google.rpc.RequestInfo', request_id: requestId, serving_data: '' },
];

/** The response a fault replaces the call with, null when the call goes ahead (after a delay, or to be dropped). */
async function applyFault(action: FaultAction, path: string): Promise<RawResult | 'hang' | null> {
  switch (action.type) {
    case 'delay':
      await sleep(action.ms);
      return null;
    case 'drop_response':
      return null;
    case 'hang':
      return 'hang';
    case 'rate_limit':
      return json(
        429,
        { error_code: 'REQUEST_LIMIT_EXCEEDED', message: defaultErrorMessage(429) },
        { 'Retry-After': String(action.retryAfterSeconds) },
      );
    case 'proxy_status': {
      const title = `${action.status} ${action.status === 404 ? 'Not Found' : action.status === 502 ? 'Bad Gateway' : 'Error'}`;
      return {
        status: action.status,
        headers: { 'Content-Type': 'text/html' },
        body: Buffer.from(
          `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>`,
        ),
      };
    }
    case 'status': {
      const err = new ApiError(
        action.status,
        action.errorCode ?? defaultErrorCode(action.status),
        action.message ?? defaultErrorMessage(action.status),
      );
      return json(action.status, errorBody(err, path.includes('/scim/v2/')));
    }
  }
}

async function sqlRequest(
  deps: PipelineDeps,
  raw: RawRequest,
  warehouseId: string,
  done: (r: RawResult, id?: string | null, f?: string | null) => Outcome,
): Promise<Outcome> {
  const { sql } = deps;
  if (raw.method !== 'POST' || sql.warehouseId !== warehouseId) {
    return done(json(404, { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Warehouse ${warehouseId} does not exist.` }));
  }
  const auth = await deps.auth.authenticate(raw.headers.authorization, raw.meta);
  if (!auth.ok) return done(json(auth.status, auth.body, auth.headers));
  // Faults are handed to the warehouse, which reports them as query errors: a 5xx/429 would stall the driver's retries.
  const fault = deps.faults.match(raw.method, raw.path);
  const reply = await sql.handle(raw.body, auth.principal, raw.meta, fault?.action ?? null);
  return done(
    { status: 200, headers: { 'Content-Type': 'application/x-thrift' }, body: reply },
    auth.principal.name,
    fault ? `${fault.ruleId}:${fault.action.type}` : null,
  );
}

/** Keep the request open until the client gives up (or the server stops). */
function hang(deps: PipelineDeps, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const release = () => {
      deps.hanging.delete(release);
      if (!res.destroyed) res.destroy();
      resolve();
    };
    deps.hanging.add(release);
    res.on('close', release);
  });
}
