// Test support (not used by the simulator itself): a real simulator on a free port with a throwaway state
// directory, and a fetch that trusts its CA.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Agent, fetch, type Response } from 'undici';
import type { RunningSimulator, SimulatorOptions } from '../core/contract';
import { startSimulator } from '../server';

/** Loosely typed JSON for assertions; tests narrow it with a type argument where they read deep fields. */
export type JsonObject = Record<string, unknown>;

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  scope: string;
}

export interface Harness {
  sim: RunningSimulator;
  stateDir: string;
  agent: Agent;
  url: string;
  admin: string;
  /** JSON call with a bearer token; `body` is sent as JSON unless it is a string. */
  call<T = JsonObject>(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: T; res: Response }>;
  /** Signs a seeded person in through /oidc/v1/authorize?login_hint= and returns their OAuth access token. */
  login(userName: string, scope?: string): Promise<TokenResponse>;
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<SimulatorOptions> = {}): Promise<Harness> {
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), 'sim-core-test-'));
  const sim = await startSimulator({ port: 0, host: '127.0.0.1', stateDir, scale: 'demo', seed: 42, reset: false, latencyMs: 0, ...opts });
  const agent = new Agent({ connect: { ca: readFileSync(sim.workspace.caCertPath, 'utf8') } });
  const call = async <T = JsonObject>(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      dispatcher: agent,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json: json as T, res };
  };
  const login: Harness['login'] = async (userName, scope = 'all-apis offline_access') => {
    const { verifier, challenge } = pkce();
    const redirect = 'http://127.0.0.1:39999/api/auth/callback/databricks';
    const q = new URLSearchParams({
      client_id: sim.workspace.oauth.clientId,
      redirect_uri: redirect,
      response_type: 'code',
      scope,
      state: 's1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      login_hint: userName,
    });
    const auth = await fetch(`${sim.url}/oidc/v1/authorize?${q}`, { dispatcher: agent, redirect: 'manual' });
    const code = new URL(auth.headers.get('location') ?? 'http://x/').searchParams.get('code');
    if (!code) throw new Error(`login of ${userName} failed: ${auth.status}`);
    const res = await tokenRequest({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirect });
    if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.json)}`);
    return res.json as unknown as TokenResponse;
  };
  const tokenRequest = async (form: Record<string, string>): Promise<{ status: number; json: JsonObject }> => {
    const basic = Buffer.from(`${sim.workspace.oauth.clientId}:${sim.workspace.oauth.clientSecret}`).toString('base64');
    const res = await fetch(`${sim.url}/oidc/v1/token`, {
      method: 'POST',
      dispatcher: agent,
      body: new URLSearchParams(form).toString(),
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    return { status: res.status, json: (await res.json()) as JsonObject };
  };
  return {
    sim,
    stateDir,
    agent,
    url: sim.url,
    admin: sim.workspace.adminToken,
    call,
    login,
    close: async () => {
      await sim.stop();
      await agent.close();
      if (!opts.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The seeded personas by role, read from workspace.json. */
export function personas(h: Harness) {
  const byGroup = (g: string) =>
    h.sim.workspace.people.find((p) => p.groups.includes(g) && (g === 'admins' || !p.groups.includes('admins')));
  const noRole = h.sim.workspace.people.find(
    (p) => !['admins', 'security-analysts', 'security-managers'].some((g) => p.groups.includes(g)),
  );
  return { admin: byGroup('admins')!, analyst: byGroup('security-analysts')!, manager: byGroup('security-managers')!, noRole: noRole! };
}

/** Runs `n` calls, `width` at a time (quota tests make hundreds of requests). */
export async function inBatches<T>(n: number, width: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += width) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - start) }, (_, k) => fn(start + k)))));
  }
  return out;
}
