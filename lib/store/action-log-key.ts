// The key that chains the action log. Without it, anyone who can write the database could recompute every hash after
// editing a row; with it (an HMAC key from configuration, never stored with the data), they cannot forge a row.
import 'server-only';
import { createHmac, hkdfSync } from 'node:crypto';

export interface ActionLogKey {
  /** Names the key without revealing it: stored on every row it chained, so a row chained by another key is told apart. */
  readonly id: string;
  mac(text: string): string;
}

/** Derives the HMAC key from the configured secret (HKDF-SHA256), so the secret itself is never the MAC key. */
export function actionLogKey(secret: string): ActionLogKey {
  const key = Buffer.from(hkdfSync('sha256', secret, 'brickwatch', 'action-log hmac-sha256 chain v1', 32));
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  const id = mac('brickwatch action-log key id').slice(0, 16);
  return Object.freeze({ id, mac, toJSON: () => ({ id }) });
}
