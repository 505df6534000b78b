// Shared by the Unity Catalog REST routes: error mapping and paging. Paging follows reference §1.4 and the SDKs'
// request docs: no max_results → everything (deprecated but served); 0 → the server's page size; above 0 → the
// smaller of it and the server's page size; negative → 400; for grants 1–149 is rejected. The page token is opaque
// (an offset here). Lists filtered by what the caller may see page over every object and filter each page, so a
// page may be short or empty and still carry a next_page_token, as Databricks warns clients.
import { ApiError } from '../core/contract';
import { UcError } from '../uc/errors';

/** Turns Unity Catalog errors into REST errors. */
export async function rest<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof UcError ? err.toApi() : err;
  }
}

const SERVER_PAGE = 500;

export interface PageOptions {
  minPageSize?: number;
  /** The server's page length (500 unless the API documents another). */
  serverPage?: number;
}

export interface Page<T> {
  items: T[];
  next_page_token?: string;
}

export function page<T>(items: T[], query: URLSearchParams, opts: PageOptions = {}): Page<T> {
  const raw = query.get('max_results');
  const token = query.get('page_token');
  let offset = 0;
  if (token) {
    const m = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    const decoded = m ? Number(m[1]) : NaN;
    if (!Number.isInteger(decoded)) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', 'Invalid page_token.');
    offset = decoded;
  }
  if (raw === null && !token) return { items };
  const max = raw === null ? 0 : Number(raw);
  if (!Number.isInteger(max) || max < 0) throw new ApiError(400, 'INVALID_PARAMETER_VALUE', 'max_results must be a non-negative integer.');
  if (opts.minPageSize && max > 0 && max < opts.minPageSize) {
    throw new ApiError(400, 'INVALID_PARAMETER_VALUE', `max_results must be 0 or at least ${opts.minPageSize}.`);
  }
  const server = opts.serverPage ?? SERVER_PAGE;
  const size = max === 0 ? server : Math.min(max, server);
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(`o:${offset + size}`).toString('base64url') : undefined;
  return next ? { items: slice, next_page_token: next } : { items: slice };
}

/** Pages over `all`, then keeps what `visible` allows: the page token stays an offset into `all`. */
export function pageVisible<T>(all: T[], visible: (item: T) => boolean, query: URLSearchParams, opts: PageOptions = {}): Page<T> {
  const p = page(all, query, opts);
  return { ...p, items: p.items.filter(visible) };
}

/** The list response body: `{<field>: [...], next_page_token}` with empty lists omitted (reference §1.1). */
export function listBody<T, U>(field: string, p: Page<T>, render: (item: T) => U): Record<string, unknown> {
  return {
    ...(p.items.length ? { [field]: p.items.map(render) } : {}),
    ...(p.next_page_token ? { next_page_token: p.next_page_token } : {}),
  };
}
