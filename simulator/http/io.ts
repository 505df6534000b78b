// Reading request bodies and writing responses on node:http objects.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface RawResult {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A response body already serialised (large lists rendered once and cached). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): RawResult {
  const text = body instanceof RawJson ? body.text : JSON.stringify(body ?? {});
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: text };
}

export function send(res: ServerResponse, r: RawResult, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(r.status, { 'X-Request-Id': requestId, 'Cache-Control': 'no-store', ...r.headers });
  res.end(r.body ?? '');
}

export function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
