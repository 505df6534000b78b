import * as z from 'zod/mini';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from './fetch';

const schema = z.object({ n: z.number() });
const answering = (json: () => Promise<unknown>) =>
  vi.fn(async () => ({ ok: true, status: 200, headers: new Headers(), json }) as unknown as Response);

describe('apiFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('treats a query cancelled while its answer arrives as an abort, not as an unexpected answer', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal(
      'fetch',
      answering(() => {
        controller.abort();
        return Promise.reject(abort);
      }),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(apiFetch('/api/x', schema, { signal: controller.signal })).rejects.toBe(abort);
    expect(logged).not.toHaveBeenCalled();
  });

  it('still says so when an answer that was not cancelled does not parse', async () => {
    vi.stubGlobal(
      'fetch',
      answering(() => Promise.reject(new SyntaxError('Unexpected end of JSON input'))),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(apiFetch('/api/x', schema)).rejects.toThrow();
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Unexpected response from \/api\/x at body/));
  });
});
