// One simulator CA for a whole test run. NODE_EXTRA_CA_CERTS is read only when a Node process starts, so the test
// commands point it at this file before vitest / Playwright start, and every simulator a test starts is given the
// same TLS material (the simulator reuses what it finds in its state directory).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateTls } from '../simulator/tls/certs';

export const TEST_CA_DIR = resolve(__dirname, '../node_modules/.cache/brickwatch-test-ca');
export const TEST_CA_PEM = join(TEST_CA_DIR, 'ca.pem');
const FILES = ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem'];

export async function ensureTestCa(): Promise<string> {
  mkdirSync(TEST_CA_DIR, { recursive: true });
  await loadOrCreateTls(TEST_CA_DIR);
  return TEST_CA_PEM;
}

/**
 * Gives a simulator state directory the shared TLS material, so its certificate is one the tests trust. Always
 * copied: a kept state directory (a bench's large estate) may hold the material of an earlier test CA.
 */
export function giveTestCa(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true });
  for (const f of FILES) copyFileSync(join(TEST_CA_DIR, f), join(stateDir, f));
}

/** True when this process was started trusting the test CA (checked by helpers, to fail with a clear message). */
export function trustsTestCa(): boolean {
  return process.env.NODE_EXTRA_CA_CERTS !== undefined && resolve(process.env.NODE_EXTRA_CA_CERTS) === TEST_CA_PEM;
}
