import { describe, expect, it } from 'vitest';
import { retryPolicy } from './client';
import { ApiClientError, failureError, isQueryFailure, orFailure, queryFailure } from './fetch';

describe('reads that fail', () => {
  it('are answered as values a panel can show, with the message and the reference', async () => {
    const answer = await orFailure(async () => {
      throw new ApiClientError(502, 'UPSTREAM_UNAVAILABLE', 'Databricks answered with an error.', 'req-1');
    });
    expect(isQueryFailure(answer)).toBe(true);
    const error = failureError(answer as Parameters<typeof failureError>[0]);
    expect(error).toMatchObject({
      status: 502,
      code: 'UPSTREAM_UNAVAILABLE',
      message: 'Databricks answered with an error.',
      requestId: 'req-1',
    });
    expect(isQueryFailure(await orFailure(async () => ({ rows: [] })))).toBe(false);
  });

  it('still throw when the session ended (the query cache sends the person to sign in) or when it is not an API answer', async () => {
    await expect(orFailure(() => Promise.reject(new ApiClientError(401, 'UNAUTHENTICATED', 'Sign in again.', null)))).rejects.toThrow(
      'Sign in again.',
    );
    await expect(orFailure(() => Promise.reject(new TypeError('bug')))).rejects.toThrow('bug');
  });

  it('are not asked again when the API answered: the server already retried Databricks within its budget', () => {
    expect(retryPolicy(0, new ApiClientError(502, 'UPSTREAM_UNAVAILABLE', 'x', null))).toBe(false);
    expect(retryPolicy(0, new ApiClientError(503, 'UPSTREAM_RATE_LIMITED', 'x', null))).toBe(false);
    expect(retryPolicy(0, new ApiClientError(0, 'NETWORK', 'x', null))).toBe(true);
    expect(retryPolicy(2, new ApiClientError(0, 'NETWORK', 'x', null))).toBe(false);
    expect(retryPolicy(0, new Error('server render failed'))).toBe(true);
    expect(retryPolicy(1, new Error('server render failed'))).toBe(false);
    expect(isQueryFailure(queryFailure(500, 'INTERNAL', 'x', null))).toBe(true);
  });
});
