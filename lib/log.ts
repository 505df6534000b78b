// Structured JSON server logs, one line per event. Redaction is structural (sensitive keys) AND textual (token-shaped
// strings), because upstream error messages and URLs can carry a token the caller never meant to log.
import 'server-only';
import { logLevelFromEnv } from './config';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SENSITIVE_KEY =
  /(token|secret|password|passwd|authorization|cookie|credential|code_verifier|api[-_]?key|^code$|^value$|string_value|bytes_value)/i;
const SENSITIVE_TEXT: Array<[RegExp, string]> = [
  [/\bdapi[0-9a-f]{16,}(-\d+)?\b/gi, 'dapi[redacted]'],
  [/\bdose[0-9a-f]{16,}\b/gi, 'dose[redacted]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]'],
  [/([?&](?:code|token|access_token|refresh_token|client_secret|state)=)[^&\s"]+/gi, '$1[redacted]'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/g, '$1[redacted]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[redacted-private-key]'],
  [/(https:\/\/hooks\.slack\.com\/services\/)[A-Za-z0-9/]+/g, '$1[redacted]'],
];

export type LogFields = Record<string, unknown>;

export function redactText(text: string): string {
  return SENSITIVE_TEXT.reduce((t, [re, replacement]) => t.replace(re, replacement), text);
}

/**
 * Deep copy with token-shaped text masked wherever it appears, keys left as they are: for records people read (the
 * action log), where a key such as `secretScope` must stay readable and only a value can carry a secret.
 */
export function redactValues(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactValues(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValues(v, depth + 1)]));
}

/** Deep copy with sensitive keys replaced and token-shaped text masked. Never throws, cuts cycles and depth. */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (depth > 6 || seen.has(value)) return '[truncated]';
  seen.add(value);
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; status?: unknown; errorCode?: unknown; cause?: unknown };
    return redact(
      { name: e.name, message: e.message, code: e.code, status: e.status, errorCode: e.errorCode, cause: e.cause },
      depth + 1,
      seen,
    );
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redact(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] =
      SENSITIVE_KEY.test(k) && v !== null && typeof v !== 'boolean' && typeof v !== 'number' ? '[redacted]' : redact(v, depth + 1, seen);
  }
  return out;
}

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

export function createLogger(base: LogFields = {}, sink: LogSink = (l) => process.stdout.write(`${l}\n`), minLevel?: Level): Logger {
  const threshold = LEVELS[minLevel ?? ((logLevelFromEnv() as Level) in LEVELS ? (logLevelFromEnv() as Level) : 'info')];
  const write = (level: Level, msg: string, fields?: LogFields) => {
    if (LEVELS[level] < threshold) return;
    const record = redact({ time: new Date().toISOString(), level, msg, ...base, ...fields });
    sink(JSON.stringify(record));
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }, sink, minLevel),
  };
}

export const log = createLogger({ service: 'brickwatch' });

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** Reuses an upstream proxy's X-Request-Id (Databricks Apps sends one) when it is well-formed, else makes one. */
export function requestIdFrom(headers: Headers | null | undefined): string {
  const inbound = headers?.get('x-request-id');
  return inbound && SAFE_REQUEST_ID.test(inbound) ? inbound : crypto.randomUUID();
}
