// The simulator's own control surface under /__simulator/ (not part of Databricks): fault rules, latency and the
// request log. Every call needs the bearer token of a workspace admin (e.g. workspace.json's adminToken).
import type { RawRequest } from '../http/pipeline';
import { json, type RawResult } from '../http/io';
import type { FaultEngine } from '../faults/engine';
import { FaultSpecError, parseFaultSpec, validateRule, type FaultRuleInput } from '../faults/spec';
import type { Authenticator } from '../identity/auth';
import type { RequestLog } from './request-log';

export interface ControlDeps {
  auth: Authenticator;
  faults: FaultEngine;
  log: RequestLog;
  latency: { ms: number };
}

const bad = (message: string) => json(400, { error_code: 'INVALID_PARAMETER_VALUE', message });

export function controlHandler(deps: ControlDeps): (req: RawRequest) => Promise<RawResult> {
  return async (req) => {
    const auth = await deps.auth.authenticate(req.headers.authorization, req.meta);
    if (!auth.ok) return json(auth.status, auth.body, auth.headers);
    if (!auth.principal.isAdmin)
      return json(403, { error_code: 'PERMISSION_DENIED', message: 'The simulator control API needs a workspace admin.' });
    let body: Record<string, unknown> = {};
    try {
      if (req.body.length) body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return json(400, { error_code: 'MALFORMED_REQUEST', message: 'Invalid JSON body.' });
    }
    const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
    const faultId = /^DELETE \/__simulator\/faults\/([^/]+)$/.exec(route)?.[1];
    if (route === 'GET /__simulator/faults') return json(200, { rules: deps.faults.list() });
    if (route === 'POST /__simulator/faults') return addFaults(deps, body);
    if (route === 'DELETE /__simulator/faults') return json(200, { removed: deps.faults.clear() });
    if (faultId) return json(200, { removed: deps.faults.clear(faultId) });
    if (route === 'GET /__simulator/requests') return listRequests(deps, req.query);
    if (route === 'DELETE /__simulator/requests') return json(200, { removed: deps.log.reset() });
    if (route === 'GET /__simulator/latency') return json(200, { ms: deps.latency.ms });
    if (route === 'PUT /__simulator/latency') {
      const ms = Number(body.ms);
      if (!Number.isFinite(ms) || ms < 0) return bad('ms must be a number ≥ 0.');
      deps.latency.ms = ms;
      return json(200, { ms });
    }
    return json(404, { error_code: 'ENDPOINT_NOT_FOUND', message: `No simulator control API for '${route}'` });
  };
}

function addFaults(deps: ControlDeps, body: Record<string, unknown>): RawResult {
  try {
    let rules: FaultRuleInput[];
    if (typeof body.spec === 'string') rules = parseFaultSpec(body.spec);
    else if (Array.isArray(body.rules)) rules = body.rules.map(ruleFromJson);
    else return bad('Send {"spec": "<fault SPEC>"} or {"rules": [{method, path, action, probability?, times?}]}.');
    return json(200, { rules: deps.faults.add(rules) });
  } catch (e) {
    if (e instanceof FaultSpecError) return bad(e.message);
    throw e;
  }
}

function ruleFromJson(raw: unknown): FaultRuleInput {
  const r = (raw ?? {}) as Record<string, unknown>;
  const action = r.action as FaultRuleInput['action'] | undefined;
  const types = ['status', 'proxy_status', 'rate_limit', 'delay', 'hang', 'drop_response'];
  if (typeof r.method !== 'string' || typeof r.path !== 'string' || !action || !types.includes(action.type)) {
    throw new FaultSpecError(`rule ${JSON.stringify(raw)} needs method, path and action {type: ${types.join('|')}}`);
  }
  const rule: FaultRuleInput = {
    method: r.method.toUpperCase(),
    path: r.path,
    action,
    probability: r.probability === undefined ? 1 : Number(r.probability),
    times: r.times === undefined || r.times === null ? null : Number(r.times),
  };
  validateRule(rule, JSON.stringify(raw));
  return rule;
}

function listRequests(deps: ControlDeps, q: URLSearchParams): RawResult {
  const num = (k: string) => (q.get(k) === null ? undefined : Number(q.get(k)));
  const requests = deps.log.list({
    since: num('since'),
    limit: num('limit'),
    method: q.get('method') ?? undefined,
    pathPrefix: q.get('path_prefix') ?? undefined,
  });
  return json(200, { requests });
}
