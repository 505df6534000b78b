// Starts the simulator and the app (service identity mode, as the demo runs) for the whole run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSimulator } from '../../testing/simulator';
import { startApp } from '../../testing/app-server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const logDir = join(__dirname, '..', '..', 'test-results');
  mkdirSync(logDir, { recursive: true });
  const sim = await startTestSimulator();
  const app = await startApp({
    workspace: sim.workspace,
    mode: 'service',
    port: Number(process.env.E2E_PORT),
    logFile: join(logDir, 'e2e-app-server.log'),
  });
  // Workers inherit the environment the global setup leaves behind.
  process.env.E2E_WORKSPACE = JSON.stringify(sim.workspace);
  process.env.E2E_DATA_DIR = app.dataDir;
  process.env.E2E_APP_LOG = join(logDir, 'e2e-app-server.log');
  return async () => {
    await app.stop();
    await sim.stop();
  };
}
