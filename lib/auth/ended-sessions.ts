// Sessions are stateless JWTs, so signing out alone would leave a copied cookie usable until it expires. The ids of
// ended sessions are kept (in SQLite, so a restart does not forget them) until that expiry has passed.
import 'server-only';
import { getDb } from '../store/db';
import { forgetSession, SESSION_MAX_AGE_S } from './session-token';

export function endSession(sid: string, now = Date.now()): void {
  forgetSession(sid);
  const db = getDb();
  db.prepare('INSERT OR IGNORE INTO ended_sessions (sid, ended_at) VALUES (?, ?)').run(sid, now);
  db.prepare('DELETE FROM ended_sessions WHERE ended_at < ?').run(now - SESSION_MAX_AGE_S * 1000);
}

export function isSessionEnded(sid: string): boolean {
  return getDb().prepare('SELECT 1 FROM ended_sessions WHERE sid = ?').get(sid) !== undefined;
}
