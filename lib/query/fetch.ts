import { safeParse, type core } from 'zod/mini';
import { ApiClientError } from './api-error';

export { ApiClientError };

// The browser's way to call Brickwatch's own API. Errors arrive as { error: { code, message, requestId } } and become
// ApiClientError, so components show error.message (always written for people) and can quote the request id.

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; fields?: Array<{ path: string; message: string }> };
}

/**
 * Calls Brickwatch's API and parses the answer with the area's contract schema (never a cast): a response in an
 * unexpected shape is an error the page shows, not data it half-renders.
 */
export async function apiFetch<S extends core.$ZodType>(
  url: string,
  schema: S,
  init: RequestInit & { json?: unknown } = {},
): Promise<core.output<S>> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch {
    throw new ApiClientError(0, 'NETWORK', 'Brickwatch is not reachable. Check your connection and try again.', null);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch (e) {
    // A query cancelled while its answer was arriving (a new search term, a closed dialog) is an abort, not a bad answer.
    if (init.signal?.aborted) throw e;
  }
  if (!res.ok) {
    const e = (body as ErrorBody | null)?.error;
    throw new ApiClientError(
      res.status,
      e?.code ?? 'HTTP_' + res.status,
      e?.message ?? `Request failed (HTTP ${res.status})`,
      e?.requestId ?? res.headers.get('x-request-id'),
      e?.fields,
    );
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`Unexpected response from ${url} at ${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    throw new ApiClientError(
      res.status,
      'UNEXPECTED_RESPONSE',
      'Brickwatch answered in a shape this page does not understand. Reload the page.',
      res.headers.get('x-request-id'),
    );
  }
  return parsed.data;
}

// ---- Failures as values: a panel's read that failed is something to show ("Not collected: …"), not an exception. ----
// Thrown, it would reach an error boundary (which React reports to the console as an error) and, during the server
// render, abort that part of the stream; as a value it is rendered like any answer, on the server and in the browser.

const FAILED = '__brickwatchFailure';

/** What Brickwatch's API said when a read failed: the same fields as its JSON error. */
export interface QueryFailure {
  [FAILED]: { status: number; code: string; message: string; requestId: string | null };
}

export function queryFailure(status: number, code: string, message: string, requestId: string | null): QueryFailure {
  return { [FAILED]: { status, code, message, requestId } };
}

export function isQueryFailure(value: unknown): value is QueryFailure {
  return typeof value === 'object' && value !== null && FAILED in value;
}

export function failureError(failure: QueryFailure): ApiClientError {
  const f = failure[FAILED];
  return new ApiClientError(f.status, f.code, f.message, f.requestId);
}

/**
 * Brickwatch's API answers, with its refusals and failures as values. A session that ended still throws (the query
 * cache sends the person to sign in), and so does anything that is not an API answer (a bug should be loud).
 */
export async function orFailure<T>(load: () => Promise<T>): Promise<T | QueryFailure> {
  try {
    return await load();
  } catch (e) {
    if (!(e instanceof ApiClientError) || (e.status === 401 && e.code === 'UNAUTHENTICATED')) throw e;
    return queryFailure(e.status, e.code, e.message, e.requestId);
  }
}
