import { safeParse, type core } from 'zod/mini';

// The browser's way to call Brickwatch's own API. Errors arrive as { error: { code, message, requestId } } and become
// ApiClientError, so components show error.message (always written for people) and can quote the request id.

export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly fields?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

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
  const body = (await res.json().catch(() => null)) as unknown;
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
