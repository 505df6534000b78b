// One typed error for everything that goes wrong talking to Databricks. Parses every error body shape of the API
// reference §1.2; callers branch on `errorCode`, never on status alone (older 2.0 services keep odd statuses, e.g.
// "scope already exists" is RESOURCE_ALREADY_EXISTS with HTTP 400).
import 'server-only';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'RESOURCE_CONFLICT',
  429: 'REQUEST_LIMIT_EXCEEDED',
  499: 'CANCELLED',
  500: 'INTERNAL_ERROR',
  501: 'NOT_IMPLEMENTED',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Transport failures have no HTTP status; they use status 0 and one of these codes. */
export type TransportErrorCode = 'TIMEOUT' | 'UNREACHABLE' | 'UNEXPECTED_RESPONSE';

export class DatabricksError extends Error {
  constructor(
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly requestId: string | null = null,
    /** Seconds the server asked us to wait (429/503). */
    readonly retryAfterSeconds: number | null = null,
    /**
     * The error code Databricks itself put in a JSON error body, or null when the code was only inferred from the
     * status (an HTML page from a proxy, an empty body). "Does not exist" is believed only when Databricks said it.
     */
    readonly declaredCode: string | null = null,
  ) {
    super(message);
    this.name = 'DatabricksError';
  }
}

/**
 * Structural, not `instanceof`: SQL clients are process singletons shared by Next's separately bundled pages and
 * route handlers, so an error may come from another bundle's copy of this class.
 */
export function isDatabricksError(e: unknown): e is DatabricksError {
  if (!(e instanceof Error) || e.name !== 'DatabricksError') return false;
  const d = e as Partial<DatabricksError>;
  return typeof d.status === 'number' && typeof d.errorCode === 'string';
}

export function genericCode(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : status >= 400 ? 'BAD_REQUEST' : 'UNKNOWN');
}

/** Integer seconds only: that is what Databricks sends, and what both SDKs parse. */
export function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number.parseInt(header, 10);
}

interface Parsed {
  errorCode?: string;
  /** errorCode as a JSON body declared it (not read from free text). */
  declared?: string;
  message?: string;
  requestId?: string;
}

function fromJson(body: unknown): Parsed | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  const schemas = Array.isArray(b.schemas) ? b.schemas : [];
  if (schemas.includes('urn:ietf:params:scim:api:messages:2.0:Error') || (typeof b.detail === 'string' && 'status' in b)) {
    // SCIM (RFC 7644): status is a string; the Go SDK maps it to SCIM_<status> and "<scimType> <detail>".
    const scimType = typeof b.scimType === 'string' ? `${b.scimType} ` : '';
    return {
      errorCode: `SCIM_${String(b.status ?? '')}`.replace(/_$/, ''),
      message: `${scimType}${typeof b.detail === 'string' ? b.detail : ''}`.trim(),
    };
  }
  const parsed: Parsed = {};
  // A non-string error_code (legacy gateway: {"error_code": 403}) is treated as absent, per the docs.
  if (typeof b.error_code === 'string' && b.error_code) parsed.errorCode = parsed.declared = b.error_code;
  if (typeof b.message === 'string') parsed.message = b.message;
  // OAuth token endpoint errors (RFC 6749 §5.2): {"error": "invalid_grant", "error_description": "..."}.
  else if (typeof b.error === 'string' && typeof b.error_description === 'string') parsed.message = `${b.error}: ${b.error_description}`;
  else if (typeof b.error === 'string') parsed.message = b.error;
  if (Array.isArray(b.details)) {
    for (const d of b.details) {
      if (d && typeof d === 'object' && typeof (d as Record<string, unknown>).request_id === 'string') {
        parsed.requestId = (d as Record<string, string>).request_id;
      }
    }
  }
  return parsed.errorCode || parsed.message ? parsed : null;
}

function fromText(text: string): Parsed | null {
  const pre = /<pre>([\s\S]*?)<\/pre>/i.exec(text);
  if (pre) return { message: decodeEntities(pre[1]!.trim()) };
  if (/^\s*</.test(text)) return null; // other HTML: nothing a person can use
  const coded = /^([A-Z][A-Z0-9_]{2,}):\s*([\s\S]+)$/.exec(text.trim());
  if (coded) return { errorCode: coded[1], message: coded[2]!.trim() };
  const line = text.trim().split('\n')[0]?.slice(0, 300);
  return line ? { message: line } : null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Builds the DatabricksError for a non-2xx response from its status, headers and raw body text. */
export function errorFromResponse(status: number, headers: Headers, bodyText: string): DatabricksError {
  let parsed: Parsed | null = null;
  try {
    parsed = fromJson(JSON.parse(bodyText));
  } catch {
    parsed = fromText(bodyText);
  }
  const reason = headers.get('x-databricks-reason-phrase');
  const errorCode = parsed?.errorCode ?? genericCode(status);
  const message = parsed?.message || reason || `HTTP ${status}`;
  const requestId = parsed?.requestId ?? headers.get('x-request-id') ?? headers.get('x-databricks-request-id');
  return new DatabricksError(status, errorCode, message, requestId, parseRetryAfter(headers.get('retry-after')), parsed?.declared ?? null);
}

/**
 * A failed SQL statement, from the warehouse's message ("[ERROR_CLASS] text …"). Brickwatch's statements are fixed
 * text with bound values, so a failure is rarely the caller's input: permission and missing-object classes keep their
 * meaning (403, 404), a rate limit is a 429 with its wait, invalid values are a 400, and the rest is the warehouse's
 * trouble (502), shown as a degraded state rather than blamed on the request.
 */
export function sqlStatementError(message: string): DatabricksError {
  const errorClass = /^\[([A-Z_.]+)\]/.exec(message)?.[1] ?? 'SQL_ERROR';
  const status = /PERMISSION|ACCESS_DENIED/.test(errorClass)
    ? 403
    : /NOT_FOUND|DOES_NOT_EXIST|NO_SUCH_/.test(errorClass)
      ? 404
      : errorClass === 'REQUEST_LIMIT_EXCEEDED'
        ? 429
        : /^INVALID_PARAMETER/.test(errorClass)
          ? 400
          : 502;
  const retryAfter = status === 429 ? Number(/(\d+) seconds?/.exec(message)?.[1] ?? NaN) : NaN;
  return new DatabricksError(status, errorClass, message, null, Number.isInteger(retryAfter) ? retryAfter : null);
}
