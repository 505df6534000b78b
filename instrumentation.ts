// Runs once when `next start` (or `next dev`) boots, before any request: a wrong or missing setting stops the server
// here with ONE line naming the variable, instead of surfacing later as a broken page.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ConfigError, getConfig } = await import('./lib/config');
  try {
    const config = getConfig();
    // Open the store now, so an unwritable data directory is reported at start-up too.
    const { getDb } = await import('./lib/store/db');
    try {
      getDb();
    } catch (e) {
      throw new ConfigError('BRICKWATCH_DATA_DIR', `cannot be used (${config.dataDir}): ${e instanceof Error ? e.message : String(e)}`);
    }
    const { log } = await import('./lib/log');
    log.info('brickwatch.started', { workspace: config.databricks.host, identityMode: config.identityMode, url: config.auth.url });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
