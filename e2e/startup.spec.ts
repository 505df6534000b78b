// A wrong or missing setting stops `next start` with one line naming the variable.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from './support/test';
import { freePort } from '../testing/app-server';

function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const child = spawn(
          process.execPath,
          [join(__dirname, '..', 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
          {
            env: {
              PATH: process.env.PATH ?? '',
              NODE_ENV: 'production',
              BRICKWATCH_DIST_DIR: process.env.BRICKWATCH_DIST_DIR ?? '.next',
              NEXT_TELEMETRY_DISABLED: '1',
              ...env,
            },
          },
        );
        let output = '';
        child.stdout.on('data', (c: Buffer) => (output += c.toString()));
        child.stderr.on('data', (c: Buffer) => (output += c.toString()));
        child.on('exit', (code) => resolve({ code, output }));
      }),
  );
}

test('a missing workspace host stops start-up with one message naming it', async () => {
  const { code, output } = await startWith({ NEXTAUTH_URL: 'http://127.0.0.1:3999', NEXTAUTH_SECRET: 'x'.repeat(40) });
  expect(code).not.toBe(0);
  const errors = output.split('\n').filter((l) => l.includes('configuration error'));
  expect(errors).toEqual([
    'Brickwatch configuration error: DATABRICKS_HOST is missing: set it to your workspace URL, e.g. https://dbc-1234.cloud.databricks.com',
  ]);
});

test('contradictory service credentials stop start-up too', async () => {
  const { code, output } = await startWith({
    DATABRICKS_HOST: 'https://dbc-1.cloud.databricks.com',
    DATABRICKS_WAREHOUSE_ID: 'w1',
    BRICKWATCH_IDENTITY_MODE: 'service',
    DATABRICKS_TOKEN: 'dapi0000',
    DATABRICKS_CLIENT_ID: 'sp',
    DATABRICKS_CLIENT_SECRET: 'secret-value-123',
    BRICKWATCH_OAUTH_CLIENT_ID: 'app',
    NEXTAUTH_URL: 'http://127.0.0.1:3999',
    NEXTAUTH_SECRET: 'x'.repeat(40),
  });
  expect(code).not.toBe(0);
  expect(output).toContain('Brickwatch configuration error: DATABRICKS_TOKEN and DATABRICKS_CLIENT_ID are both set');
  expect(output).not.toContain('secret-value-123');
});

test('as a Databricks App without a database, start-up stops with one line saying why', async () => {
  const { code, output } = await startWith({
    DATABRICKS_HOST: 'https://dbc-1.cloud.databricks.com',
    DATABRICKS_WAREHOUSE_ID: 'w1',
    BRICKWATCH_IDENTITY_MODE: 'service',
    DATABRICKS_CLIENT_ID: 'sp',
    DATABRICKS_CLIENT_SECRET: 'secret-value-123',
    BRICKWATCH_OAUTH_CLIENT_ID: 'app',
    BRICKWATCH_ACTION_LOG_KEY: 'k'.repeat(40),
    DATABRICKS_APP_NAME: 'brickwatch',
    DATABRICKS_APP_PORT: '8000',
    NEXTAUTH_URL: 'http://127.0.0.1:3999',
    NEXTAUTH_SECRET: 'x'.repeat(40),
  });
  expect(code).not.toBe(0);
  const errors = output.split('\n').filter((l) => l.includes('configuration error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(
    /^Brickwatch configuration error: BRICKWATCH_DATABASE_URL is missing: as a Databricks App the app's disk is lost/,
  );
});

test('production without the action log key stops start-up', async () => {
  const { code, output } = await startWith({
    DATABRICKS_HOST: 'https://dbc-1.cloud.databricks.com',
    DATABRICKS_WAREHOUSE_ID: 'w1',
    BRICKWATCH_OAUTH_CLIENT_ID: 'app',
    NEXTAUTH_URL: 'http://127.0.0.1:3999',
    NEXTAUTH_SECRET: 'x'.repeat(40),
  });
  expect(code).not.toBe(0);
  expect(output).toContain('Brickwatch configuration error: BRICKWATCH_ACTION_LOG_KEY is missing');
});
