// Sessions are stateless JWTs, so signing out alone would leave a copied cookie usable until it expires. The ids of
// ended sessions are kept (in SQLite, so a restart does not forget them) until that expiry has passed.
import 'server-only';
import { getDb } from '../store/db';
import { forgetSession, SESSION_MAX_AGE_S } from './session-token';

export async function endSession(sid: string, now = Date.now()): Promise<void> {
  forgetSession(sid);
  const db = getDb();
  await db.run('INSERT INTO ended_sessions (sid, ended_at) VALUES (?, ?) ON CONFLICT (sid) DO NOTHING', [sid, now]);
  await db.run('DELETE FROM ended_sessions WHERE ended_at < ?', [now - SESSION_MAX_AGE_S * 1000]);
}

export async function isSessionEnded(sid: string): Promise<boolean> {
  return (await getDb().get('SELECT 1 AS ended FROM ended_sessions WHERE sid = ?', [sid])) !== undefined;
}
