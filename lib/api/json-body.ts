// Reading a request's JSON body within a size limit. The declared Content-Length is refused before anything is read,
// and the stream is read only up to the limit, so neither a large declared body nor an endless chunked one makes the
// server buffer more than MAX_BODY_BYTES.
import 'server-only';
import { ApiError } from './errors';

export const MAX_BODY_BYTES = 256 * 1024;

// application/json, optionally with parameters (charset=utf-8). Not application/jsonx, application/json-patch+json…
const JSON_MEDIA_TYPE = /^application\/json[ \t]*(;.*)?$/i;

const tooLarge = () => new ApiError(413, 'TOO_LARGE', `The request body is too large (the limit is ${MAX_BODY_BYTES / 1024} KB)`);

function decode(decoder: TextDecoder, bytes?: Uint8Array): string {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON (it is not UTF-8 text)');
  }
}

export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test((request.headers.get('content-type') ?? '').trim())) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json)');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null && !/^\s*\d+\s*$/.test(declared))
    throw new ApiError(400, 'INVALID_LENGTH', 'The Content-Length header is not a number');
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  const text = new TextDecoder('utf-8', { fatal: true });
  let json = '';
  let size = 0;
  const reader = request.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) throw tooLarge();
      json += decode(text, chunk.value);
    }
    json += decode(text);
  } finally {
    // Stop the sender: nothing more of this body will be read.
    if (reader) void reader.cancel().catch(() => undefined);
  }
  try {
    return json === '' ? {} : JSON.parse(json);
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON');
  }
}
