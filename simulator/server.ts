// startSimulator: the programmatic face of the simulator (main.ts, tests and the demo use it).
// Order matters: the port is bound before the (possibly long) seed so an occupied port fails fast; until the
// state is ready every request gets 503.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import type { Socket } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningSimulator, SimulatorOptions, WorkspaceFile } from './core/contract';
import { parseFaultSpec } from './faults/spec';
import { json, send } from './http/io';
import { openState, type SimulatorState } from './state';
import { buildApp } from './app';
import { loadOrCreateTls } from './tls/certs';

export class SimulatorStartError extends Error {}

/** The sign-in page's path, the only thing answered over plain HTTP (see below). */
export const BROWSER_PATH = '/oidc/v1/authorize';

// The SQL translator is a large WebAssembly module (@polyglot-sql/sdk). V8's optimising tier recompiles it in the
// background for seconds of CPU, which slowed start-up (~4x) and held process exit for 10 s or more after SIGTERM.
// The baseline compiler alone starts at once and translates a query in about a millisecond.
setFlagsFromString('--liftoff-only');

/**
 * How long an idle keep-alive connection stays open (announced as `Keep-Alive: timeout=120`). Not Node's default 5 s:
 * a client decoding a large result chunk can keep its event loop busy for longer than that (6–8 s in the bench under
 * load) and then send its next request on the connection it kept, which such a server has closed meanwhile (or, in
 * one process with the client, closes before reading the request): an ECONNRESET the SQL driver does not retry for
 * FetchResults. Databricks does not document its idle timeout; its dbt adapter saw warehouse connections idle for 180 s
 * or more dropped and treats under 60 s as safe (databricks/dbt-databricks#648). See the README's [U] table.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 120_000;

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const faults = opts.faults ? parseFaultSpec(opts.faults) : [];
  const stateDir = resolve(opts.stateDir);
  await mkdir(stateDir, { recursive: true });
  const tls = await loadOrCreateTls(stateDir);

  let handler = (_req: IncomingMessage, res: ServerResponse) =>
    send(
      res,
      json(503, { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'The workspace is starting.' }, { 'Retry-After': '1' }),
      'starting',
    );
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      console.error('[simulator] request failed:', e);
      if (!res.headersSent) send(res, json(500, { error_code: 'INTERNAL_ERROR', message: 'Internal error.' }), 'error');
    });
  };
  const https = createHttpsServer({ cert: tls.cert, key: tls.key, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, dispatch);
  // A browser cannot trust the generated CA without someone installing it, so the one page people see — the
  // sign-in picker at /oidc/v1/authorize — is also served over plain HTTP on the same port (loopback only in
  // practice). Every API, the token endpoint and the SQL warehouse still require TLS.
  const plain = createHttpServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, (req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === BROWSER_PATH) return dispatch(req, res);
    send(res, json(400, { error_code: 'BAD_REQUEST', message: `This workspace speaks HTTPS only: use ${url}` }), 'plain-http');
  });
  const server = createNetServer((socket) => {
    // The first byte of a TLS connection is a handshake record (0x16); anything else is plain HTTP.
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  const port = await listen(server, opts.port, opts.host);
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `https://${shownHost}:${port}`;

  let state: SimulatorState | undefined;
  try {
    state = await openState(stateDir, opts);
    const app = await buildApp(state, { url, browserUrl: url.replace(/^https:/, 'http:'), opts, faults });
    handler = app.handle;
    const workspace: WorkspaceFile = {
      host: url,
      caCertPath: tls.caCertPath,
      warehouseHttpPath: `/sql/1.0/warehouses/${state.credentials.warehouseId}`,
      warehouseId: state.credentials.warehouseId,
      adminToken: state.credentials.adminToken,
      oauth: { clientId: state.credentials.oauthClientId, clientSecret: state.credentials.oauthClientSecret },
      servicePrincipal: {
        applicationId: state.credentials.spApplicationId,
        clientId: state.credentials.spApplicationId,
        clientSecret: state.credentials.spClientSecret,
      },
      people: app.featuredPeople,
    };
    await writeFile(join(stateDir, 'workspace.json'), `${JSON.stringify(workspace, null, 2)}\n`, { mode: 0o600 });
    let stopping: Promise<void> | null = null;
    const opened = state;
    return {
      url,
      port,
      workspace,
      stop: () =>
        (stopping ??= (async () => {
          await closeServer(server, sockets, app.releaseHangs);
          await app.close();
          opened.db.close();
        })()),
    };
  } catch (e) {
    await closeServer(server, sockets, () => {});
    state?.db.close();
    throw e;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      const why =
        e.code === 'EADDRINUSE'
          ? 'is already in use'
          : e.code === 'EACCES'
            ? 'needs more privileges'
            : `cannot be opened (${e.code ?? e.message})`;
      reject(new SimulatorStartError(`Port ${port} on ${host} ${why}.`));
    });
    server.listen(port, host, () => {
      const addr = server.address();
      resolvePort(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}

async function closeServer(server: Server, sockets: Set<Socket>, releaseHangs: () => void): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  releaseHangs();
  for (const s of sockets) s.destroy();
  await closed;
}
