// The fault SPEC language (documented in simulator/README.md):
//   SPEC   := RULE (';' RULE)*
//   RULE   := METHOD ' ' PATH ' -> ' ACTION (' ' OPTION)*
//   METHOD := GET | POST | PUT | PATCH | DELETE | *
//   PATH   := a path glob: '*' matches within one segment, '**' across segments ('/api/2.0/secrets/**')
//   ACTION := <status>[:<ERROR_CODE>] | proxy:<status> | 429 | delay:<ms> | hang | drop
//   OPTION := p=<0..1> | times=<n> | retry-after=<seconds>
// e.g. "POST /api/2.0/token/create -> drop times=1; GET /api/2.0/token-management/** -> 429 retry-after=2 p=0.5"
import type { FaultAction } from '../core/contract';

export interface FaultRuleInput {
  method: string;
  path: string;
  action: FaultAction;
  /** Chance (0–1] that a matching request is hit. */
  probability: number;
  /** How many hits before the rule expires; null = forever. */
  times: number | null;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', '*']);

export class FaultSpecError extends Error {}

export function parseFaultSpec(spec: string): FaultRuleInput[] {
  return spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseRule);
}

function parseRule(text: string): FaultRuleInput {
  const m = /^(\S+)\s+(\S+)\s*->\s*(\S+)((?:\s+\S+)*)$/.exec(text);
  if (!m) throw new FaultSpecError(`fault rule "${text}" is not "METHOD PATH -> ACTION [options]"`);
  const [, rawMethod, path, rawAction, rawOptions] = m as unknown as [string, string, string, string, string];
  const method = rawMethod.toUpperCase();
  if (!METHODS.has(method)) throw new FaultSpecError(`fault rule "${text}": unknown method ${rawMethod}`);
  if (!path.startsWith('/')) throw new FaultSpecError(`fault rule "${text}": the path must start with /`);
  const options = new Map<string, string>();
  for (const opt of rawOptions.trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = opt.split('=');
    if (!k || v === undefined || !['p', 'times', 'retry-after'].includes(k)) {
      throw new FaultSpecError(`fault rule "${text}": unknown option ${opt} (use p=, times=, retry-after=)`);
    }
    options.set(k, v);
  }
  const rule: FaultRuleInput = {
    method,
    path,
    action: parseAction(rawAction, options, text),
    probability: number(options.get('p') ?? '1', text, 'p'),
    times: options.has('times') ? number(options.get('times') as string, text, 'times') : null,
  };
  validateRule(rule, text);
  return rule;
}

function parseAction(raw: string, options: Map<string, string>, text: string): FaultAction {
  if (raw === 'hang') return { type: 'hang' };
  if (raw === 'drop') return { type: 'drop_response' };
  const proxy = /^proxy:(\d{3})$/.exec(raw);
  if (proxy) return { type: 'proxy_status', status: Number(proxy[1]) };
  const delay = /^delay:(\d+)$/.exec(raw);
  if (delay) return { type: 'delay', ms: Number(delay[1]) };
  const status = /^(\d{3})(?::([A-Z_]+))?$/.exec(raw);
  if (!status)
    throw new FaultSpecError(`fault rule "${text}": unknown action ${raw} (use a status, proxy:<status>, delay:<ms>, hang or drop)`);
  const code = Number(status[1]);
  if (code === 429) return { type: 'rate_limit', retryAfterSeconds: number(options.get('retry-after') ?? '1', text, 'retry-after') };
  return status[2] ? { type: 'status', status: code, errorCode: status[2] } : { type: 'status', status: code };
}

function number(v: string, text: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || v.trim() === '') throw new FaultSpecError(`fault rule "${text}": ${name}=${v} is not a number`);
  return n;
}

/** Shared by the SPEC parser and the control API's JSON form. */
export function validateRule(rule: FaultRuleInput, text: string): void {
  if (!(rule.probability > 0 && rule.probability <= 1)) throw new FaultSpecError(`fault rule "${text}": p must be in (0, 1]`);
  if (rule.times !== null && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new FaultSpecError(`fault rule "${text}": times must be a positive integer`);
  }
  const a = rule.action;
  if ((a.type === 'status' || a.type === 'proxy_status') && !(a.status >= 400 && a.status <= 599))
    throw new FaultSpecError(`fault rule "${text}": status must be 400–599`);
  if (a.type === 'rate_limit' && !(Number.isInteger(a.retryAfterSeconds) && a.retryAfterSeconds >= 0)) {
    throw new FaultSpecError(`fault rule "${text}": retry-after must be whole seconds`);
  }
  if (a.type === 'delay' && !(a.ms >= 0)) throw new FaultSpecError(`fault rule "${text}": delay must be ≥ 0 ms`);
}

/** '*' = one segment's worth of characters, '**' = anything. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (ch === '*') re += '[^/]*';
    else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
