import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';

// The command-line contract of issue 2, checked on the real entry point (`npm run simulator` runs
// `node --import tsx simulator/main.ts`: one process, so SIGTERM reaches the simulator itself).
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sim-core-cli-'));
  dirs.push(d);
  return d;
};

describe('npm run simulator', () => {
  it('prints exactly one ready line, writes ca.pem and workspace.json, serves HTTPS, and exits cleanly on SIGTERM within 2 s', async () => {
    const stateDir = tempDir();
    const proc = run(['--port', '0', '--state-dir', stateDir]);
    await expect.poll(proc.stdout, { timeout: 60_000, interval: 100 }).toMatch(/\n$/);
    expect(proc.stdout()).toMatch(/^Simulator ready at https:\/\/127\.0\.0\.1:\d+\n$/);
    const url = proc.stdout().trim().split(' ').at(-1) as string;
    const ws = JSON.parse(readFileSync(join(stateDir, 'workspace.json'), 'utf8')) as {
      host: string;
      caCertPath: string;
      adminToken: string;
    };
    expect(ws.host).toBe(url);
    expect(existsSync(join(stateDir, 'ca.pem'))).toBe(true);
    const agent = new Agent({ connect: { ca: readFileSync(ws.caCertPath, 'utf8') } });
    const res = await fetch(`${url}/api/2.0/preview/scim/v2/Me`, {
      dispatcher: agent,
      headers: { Authorization: `Bearer ${ws.adminToken}` },
    });
    expect(res.status).toBe(200);
    await agent.close();
    const stopAt = performance.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(performance.now() - stopAt).toBeLessThan(2000);
  });

  it('refuses a bad flag with one message and a non-zero exit', async () => {
    const proc = run(['--scale', 'huge']);
    expect(await proc.exited).not.toBe(0);
    expect(proc.stderr().trim().split('\n')).toHaveLength(1);
    expect(proc.stderr()).toContain('--scale must be demo or large');
    expect(proc.stdout()).toBe('');
  });

  it('reports an occupied port with one message and a non-zero exit', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const proc = run(['--port', String(port), '--state-dir', tempDir()]);
    const code = await proc.exited;
    blocker.close();
    expect(code).not.toBe(0);
    expect(proc.stderr().trim()).toBe(`simulator: Port ${port} on 127.0.0.1 is already in use.`);
  });
});
