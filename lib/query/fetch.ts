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

export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
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
  return body as T;
}
