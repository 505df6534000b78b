// Runs once when `next start` (or `next dev`) boots, before any request. The Node-only start-up checks live in
// lib/startup.ts, imported only on the Node runtime so the edge compilation never sees process.exit.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkStartup } = await import('./lib/startup');
    await checkStartup();
  }
}
