// Start-up checks: a wrong or missing setting stops the server with ONE line naming the variable, instead of
// surfacing later as a broken page.
import 'server-only';
import { startAnchorWorker } from './activity/server/anchor-worker';
import { startCodeScanWorker } from './code-scan/server/schedule-worker';
import { ConfigError, getConfig } from './config';
import { log, redactText } from './log';
import { startPostureSnapshotWorker } from './posture/server/snapshot-worker';
import { sealUnkeyedLog } from './store/action-log';
import { getActionLogKey, getDb, storeVariable } from './store/db';
import { startRotationWorker } from './tokens/server/rotation-worker';
import { startReportScheduler } from './reports/server/scheduler';

export async function checkStartup(): Promise<void> {
  try {
    const config = getConfig();
    // Open (and migrate) the store now, so an unwritable data directory or an unreachable database is reported at
    // start-up too; a log written before it was keyed is sealed by its first keyed row at once.
    try {
      const db = getDb();
      await db.get('SELECT 1 AS ok');
      await sealUnkeyedLog(db, getActionLogKey());
    } catch (e) {
      const where = config.store.kind === 'sqlite' ? ` (${config.dataDir})` : '';
      throw new ConfigError(storeVariable(config), `cannot be used${where}: ${redactText(e instanceof Error ? e.message : String(e))}`);
    }
    log.info('brickwatch.started', {
      workspace: config.databricks.host,
      identityMode: config.identityMode,
      url: config.auth.url,
      store: config.store.kind,
    });
    // Work nobody waits for: rotations to finish after a crash, settle windows and confirmation deadlines; anchors;
    // the daily posture snapshot, the weekly report schedule (a week missed while the app was down is made up now).
    startRotationWorker();
    startAnchorWorker();
    startPostureSnapshotWorker();
    startCodeScanWorker();
    startReportScheduler();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
