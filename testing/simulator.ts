// Starts a real simulator for a test: free port, throwaway state directory, the run's shared CA (see test-ca.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator, SimulatorOptions, WorkspaceFile } from '../simulator/core/contract';
import { startSimulator } from '../simulator/server';
import { TEST_CA_PEM, trustsTestCa, giveTestCa } from './test-ca';

export interface TestSimulator {
  sim: RunningSimulator;
  workspace: WorkspaceFile;
  stateDir: string;
  /** Calls the simulator's /__simulator control API as the workspace admin. */
  control<T>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startTestSimulator(opts: Partial<SimulatorOptions> = {}): Promise<TestSimulator> {
  if (!trustsTestCa()) throw new Error(`Run this through the npm script: it must start with NODE_EXTRA_CA_CERTS=${TEST_CA_PEM}`);
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), 'brickwatch-test-sim-'));
  giveTestCa(stateDir);
  const sim = await startSimulator({ port: 0, host: '127.0.0.1', stateDir, scale: 'demo', seed: 42, reset: false, latencyMs: 0, ...opts });
  return {
    sim,
    workspace: sim.workspace,
    stateDir,
    async control<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${sim.url}/__simulator${path}`, {
        method,
        headers: { Authorization: `Bearer ${sim.workspace.adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`simulator control ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async stop() {
      await sim.stop();
      if (!opts.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The environment Brickwatch needs to run against a simulator (service or user identity mode). */
export function appEnv(workspace: WorkspaceFile, mode: 'service' | 'user', url: string, dataDir: string): Record<string, string> {
  return {
    DATABRICKS_HOST: workspace.host,
    DATABRICKS_HTTP_PATH: workspace.warehouseHttpPath,
    BRICKWATCH_OAUTH_CLIENT_ID: workspace.oauth.clientId,
    BRICKWATCH_OAUTH_CLIENT_SECRET: workspace.oauth.clientSecret,
    BRICKWATCH_IDENTITY_MODE: mode,
    ...(mode === 'service'
      ? { DATABRICKS_CLIENT_ID: workspace.servicePrincipal.clientId, DATABRICKS_CLIENT_SECRET: workspace.servicePrincipal.clientSecret }
      : {}),
    NEXTAUTH_URL: url,
    BRICKWATCH_DATA_DIR: dataDir,
    // The shipped example policy fits the seeded estate's layered design (and its drift).
    BRICKWATCH_GRANTS_POLICY: join(__dirname, '..', 'policies', 'grants.example.yaml'),
  };
}
