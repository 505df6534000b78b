// Start-up checks: a wrong or missing setting stops the server with ONE line naming the variable, instead of
// surfacing later as a broken page.
import 'server-only';
import { ConfigError, getConfig } from './config';
import { log } from './log';
import { getDb } from './store/db';
import { startRotationWorker } from './tokens/server/rotation-worker';

export function checkStartup(): void {
  try {
    const config = getConfig();
    // Open the store now, so an unwritable data directory is reported at start-up too.
    try {
      getDb();
    } catch (e) {
      throw new ConfigError('BRICKWATCH_DATA_DIR', `cannot be used (${config.dataDir}): ${e instanceof Error ? e.message : String(e)}`);
    }
    log.info('brickwatch.started', { workspace: config.databricks.host, identityMode: config.identityMode, url: config.auth.url });
    // Work nobody waits for: rotations to finish after a crash, settle windows and confirmation deadlines.
    startRotationWorker();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
