// Keyset position in the audit explorer: (event_time, event_id), newest first. event_time has microsecond
// precision and a JS Date only milliseconds, so the position carries epoch microseconds (unix_micros in SQL);
// a millisecond key would skip or repeat events that share a millisecond. The same encoding names one event
// for the detail view, since it also yields the event_date to prune on.
import { AuditInputError } from './range';

export interface EventKey {
  /** event_time as epoch microseconds (UTC). */
  micros: number;
  eventId: string;
}

const EVENT_ID = /^[A-Za-z0-9._:-]{1,128}$/;

// Both parts are ASCII (digits; EVENT_ID's alphabet), so btoa/atob suffice and the module runs in the browser too.
const toBase64Url = (ascii: string) => btoa(ascii).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromBase64Url = (token: string) => atob(token.replaceAll('-', '+').replaceAll('_', '/'));

export function encodeEventKey(key: EventKey): string {
  return toBase64Url(`${key.micros}~${key.eventId}`);
}

/** Throws AuditInputError (→ 400) for anything that is not a key this module produced. */
export function decodeEventKey(token: string): EventKey {
  const bad = () => new AuditInputError('The cursor or event reference is not valid; reload the list and try again.');
  if (!/^[A-Za-z0-9_-]{1,256}$/.test(token) || token.length % 4 === 1) throw bad();
  const text = fromBase64Url(token);
  const sep = text.indexOf('~');
  const micros = Number(text.slice(0, sep));
  const eventId = text.slice(sep + 1);
  if (sep < 1 || !/^\d+$/.test(text.slice(0, sep)) || !Number.isSafeInteger(micros) || !EVENT_ID.test(eventId)) {
    throw bad();
  }
  return { micros, eventId };
}

export function microsToDate(micros: number): Date {
  return new Date(Math.floor(micros / 1000));
}
