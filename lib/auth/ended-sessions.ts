// Sessions are stateless JWTs, so signing out alone would leave a copied cookie usable until it expires. The ids of
// ended sessions are kept in the store (so a restart does not forget them, and every instance sharing a Postgres store
// refuses them) until that expiry has passed.
import 'server-only';
import { getDb, type Db } from '../store/db';
import { forgetSession, SESSION_MAX_AGE_S } from './session-token';

export async function endSession(sid: string, now = Date.now(), db: Db = getDb()): Promise<void> {
  forgetSession(sid);
  await db.run('INSERT INTO ended_sessions (sid, ended_at) VALUES (?, ?) ON CONFLICT (sid) DO NOTHING', [sid, now]);
  await db.run('DELETE FROM ended_sessions WHERE ended_at < ?', [now - SESSION_MAX_AGE_S * 1000]);
}

export async function isSessionEnded(sid: string, db: Db = getDb()): Promise<boolean> {
  return (await db.get('SELECT 1 AS ended FROM ended_sessions WHERE sid = ?', [sid])) !== undefined;
}
