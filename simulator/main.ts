// `npm run simulator -- [options]`: starts the simulator, prints exactly one line on stdout when it serves,
// and stops cleanly on SIGTERM / SIGINT.
import { parseCli } from './cli';
import { startSimulator } from './server';
import type { RunningSimulator } from './core/contract';

const STOP_DEADLINE_MS = 1500;

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2));
  if (!parsed.ok) {
    (parsed.help ? process.stdout : process.stderr).write(`${parsed.help ? '' : 'simulator: '}${parsed.message}\n`);
    process.exit(parsed.help ? 0 : 2);
  }
  let running: RunningSimulator | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Whatever happens, the process is gone within the 2 s the contract allows.
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    void (running?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  try {
    running = await startSimulator(parsed.options);
  } catch (e) {
    process.stderr.write(`simulator: ${(e as Error).message}\n`);
    process.exit(1);
  }
  if (stopping) return;
  process.stdout.write(`Simulator ready at ${running.url}\n`);
}

void main();
