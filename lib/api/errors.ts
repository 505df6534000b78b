// One JSON error shape for every route: { error: { code, message, requestId } }. Known errors become a message a person
// can act on; anything else is logged with the request id and answered with a generic message, never e.message.
import 'server-only';
import type { IdentityMode } from '../config';
import { DatabricksError, isDatabricksError } from '../databricks/errors';
import { NoUpstreamTokenError } from '../databricks/get-workspace';
import { InvalidIdentifierError } from '../databricks/identifiers';
import { isDomainError, type DomainErrorKind } from '../errors';
import { redactText } from '../log';

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    /** Which inputs were wrong (400 from validation). */
    fields?: Array<{ path: string; message: string }>;
    /** Databricks' own code and request id, for support; never a token. */
    upstream?: { errorCode: string; requestId: string | null };
  };
}

/** Throw from a handler for an expected failure (409 rotation in progress, 404 unknown id...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Per-route wording for Databricks error codes, e.g. { PERMISSION_DENIED: 'Token management needs workspace admin rights' }. */
export type UpstreamMessages = Partial<Record<string, string>>;

interface Mapped {
  status: number;
  body: ApiErrorBody;
  headers?: Record<string, string>;
  /** Unexpected: log at error level with the original error. */
  unexpected: boolean;
}

function upstream(
  e: DatabricksError,
  mode: IdentityMode,
  messages: UpstreamMessages,
): { status: number; code: string; message: string; headers?: Record<string, string> } {
  const custom =
    messages[e.errorCode] ??
    (e.status === 403 ? messages.PERMISSION_DENIED : undefined) ??
    (e.status === 404 ? messages.NOT_FOUND : undefined);
  const said = redactText(e.message);
  if (e.errorCode === 'TIMEOUT')
    return { status: 504, code: 'UPSTREAM_TIMEOUT', message: 'Databricks did not answer in time. Try again in a moment.' };
  if (e.errorCode === 'UNREACHABLE')
    return { status: 502, code: 'UPSTREAM_UNREACHABLE', message: `Brickwatch cannot reach the Databricks workspace: ${said}` };
  if (e.errorCode === 'UNEXPECTED_RESPONSE')
    return {
      status: 502,
      code: 'UPSTREAM_UNEXPECTED',
      message: 'Databricks answered in a shape Brickwatch does not understand (see the server log).',
    };
  if (e.status === 401) {
    return mode === 'user'
      ? { status: 401, code: 'UPSTREAM_UNAUTHENTICATED', message: 'Your Databricks sign-in has expired. Sign in again.' }
      : {
          status: 502,
          code: 'UPSTREAM_UNAUTHENTICATED',
          message:
            "Databricks rejected Brickwatch's service credentials. An administrator needs to check DATABRICKS_CLIENT_ID/SECRET or DATABRICKS_TOKEN.",
        };
  }
  if (e.status === 403) return { status: 403, code: 'UPSTREAM_PERMISSION_DENIED', message: custom ?? `Databricks refused: ${said}` };
  if (e.status === 404) return { status: 404, code: 'NOT_FOUND', message: custom ?? `Databricks could not find it: ${said}` };
  if (e.status === 409) return { status: 409, code: 'CONFLICT', message: custom ?? `Databricks reported a conflict: ${said}` };
  if (e.status === 429) {
    const wait = e.retryAfterSeconds ?? 5;
    return {
      status: 503,
      code: 'UPSTREAM_RATE_LIMITED',
      message: `Databricks is rate-limiting requests. Try again in ${wait} s.`,
      headers: { 'Retry-After': String(wait) },
    };
  }
  if (e.status >= 400 && e.status < 500)
    return { status: 400, code: 'UPSTREAM_BAD_REQUEST', message: custom ?? `Databricks did not accept the request: ${said}` };
  // Databricks' own 5xx messages often end "Please try again later."; the advice is then not repeated.
  const advice = /try again/i.test(said) ? '' : ' Try again shortly.';
  return {
    status: 502,
    code: 'UPSTREAM_UNAVAILABLE',
    message: custom ?? `Databricks answered with an error: ${said.replace(/\.?\s*$/, '.')}${advice}`,
  };
}

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  refused: 422,
  unavailable: 503,
  failed: 502,
};

export function toErrorResponse(e: unknown, requestId: string, mode: IdentityMode, messages: UpstreamMessages = {}): Mapped {
  const body = (code: string, message: string, extra: Partial<ApiErrorBody['error']> = {}): ApiErrorBody => ({
    error: { code, message, requestId, ...extra },
  });
  if (e instanceof ApiError || isDomainError(e)) {
    const status = e instanceof ApiError ? e.status : DOMAIN_STATUS[e.kind];
    return { status, body: body(e.code, e.message, e.fields ? { fields: e.fields } : {}), unexpected: false };
  }
  if (isDatabricksError(e)) {
    const m = upstream(e, mode, messages);
    return {
      status: m.status,
      body: body(m.code, m.message, { upstream: { errorCode: e.errorCode, requestId: e.requestId } }),
      headers: m.headers,
      unexpected: false,
    };
  }
  if (e instanceof InvalidIdentifierError) return { status: 400, body: body('INVALID_IDENTIFIER', e.message), unexpected: false };
  if (e instanceof NoUpstreamTokenError) return { status: 401, body: body('UNAUTHENTICATED', e.message), unexpected: false };
  return {
    status: 500,
    body: body('INTERNAL', `Something went wrong on Brickwatch's side. Quote reference ${requestId} when reporting it.`),
    unexpected: true,
  };
}
