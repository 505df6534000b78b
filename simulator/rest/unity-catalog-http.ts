// Shared by the Unity Catalog REST routes: error mapping and paging. Paging follows reference §1.4: no
// max_results → everything (deprecated but served); 0 → the server's page size; for grants 1–149 is rejected;
// the page token is opaque (an offset here).
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

export function page<T>(items: T[], query: URLSearchParams, opts: { minPageSize?: number } = {}): { items: T[]; next_page_token?: string } {
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
  const size = max === 0 ? SERVER_PAGE : max;
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(`o:${offset + size}`).toString('base64url') : undefined;
  return next ? { items: slice, next_page_token: next } : { items: slice };
}
