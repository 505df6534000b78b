// A server page's prefetch with failures as values (see QueryFailure in ./fetch): the person-facing message the API
// route would have answered, never the raw error, so a failing upstream reaches the page within the server's own
// retry budget instead of being asked for again by the browser.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { toErrorResponse } from '@/lib/api/errors';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { queryFailure, type QueryFailure } from './fetch';

export async function settledOnServer<T>(what: string, load: () => Promise<T>): Promise<T | QueryFailure> {
  try {
    return await load();
  } catch (e) {
    const requestId = randomUUID();
    const mapped = toErrorResponse(e, requestId, getConfig().identityMode);
    if (mapped.unexpected)
      log.error('page.prefetch_failed', { requestId, what, error: e, stack: e instanceof Error ? e.stack : undefined });
    else log.warn('page.prefetch_failed', { requestId, what, code: mapped.body.error.code });
    return queryFailure(mapped.status, mapped.body.error.code, mapped.body.error.message, requestId);
  }
}
