// Reading upstream failures in words and kinds every area needs (structural checks: see isDatabricksError).
import 'server-only';
import { redactText } from '@/lib/log';
import { isDatabricksError, type DatabricksError } from './errors';

export function upstreamError(e: unknown): DatabricksError | null {
  return isDatabricksError(e) ? e : null;
}

/** An upstream failure in words a person can act on; only Databricks' own messages are passed on. */
export function upstreamReason(e: unknown): string {
  const d = upstreamError(e);
  if (!d) return 'an unexpected error (see the server log)';
  // A SQL statement's error ("[CLASS] text") already names its code, and its status is only Brickwatch's reading of the
  // class, not an HTTP answer: printing both would show two statuses for one failure.
  if (d.message.startsWith(`[${d.errorCode}]`)) return redactText(d.message);
  return redactText(`${d.status ? `HTTP ${d.status} ` : ''}${d.errorCode}: ${d.message}`);
}

export function upstreamRequestId(e: unknown): string | null {
  return upstreamError(e)?.requestId ?? null;
}

export function isForbidden(e: unknown): boolean {
  const d = upstreamError(e);
  return d !== null && (d.status === 403 || d.errorCode === 'PERMISSION_DENIED');
}

/** A 4xx means Databricks refused and did nothing; no answer or a 5xx may have happened upstream. */
export function isDefiniteRefusal(e: unknown): boolean {
  const d = upstreamError(e);
  return d !== null && d.status >= 400 && d.status < 500;
}
