// Webhook deliveries' outcomes (after retries), by subject ('report:<id>'; later posture alerts). The target is the
// masked URL: the URL itself is a secret and is never stored.
import 'server-only';
import type { Db } from './engine';

export interface DeliveryRow {
  id: string;
  subject: string;
  target: string;
  outcome: 'delivered' | 'failed';
  attempts: number;
  status: number | null;
  error: string | null;
  at: number;
}

/** One webhook delivery's outcome (after its retries). `target` is the masked URL: the URL itself is a secret. */
export async function recordDelivery(db: Db, d: DeliveryRow): Promise<void> {
  await db.run(
    'INSERT INTO webhook_deliveries (id, subject, target, outcome, attempts, status, error, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [d.id, d.subject, d.target, d.outcome, d.attempts, d.status, d.error, d.at],
  );
}

export async function deliveriesFor(db: Db, subject: string): Promise<DeliveryRow[]> {
  return db.all<DeliveryRow>(
    'SELECT id, subject, target, outcome, attempts, status, error, at FROM webhook_deliveries WHERE subject = ? ORDER BY at',
    [subject],
  );
}
