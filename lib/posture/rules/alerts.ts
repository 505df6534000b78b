// Which high-severity findings are new since the last snapshot of the same identity, for the optional webhook alert.
// A finding is an open (not accepted) failing item of a high-severity check. The first snapshot an identity ever takes
// is the baseline and alerts nothing (an install would otherwise announce every finding it already has). A check that
// fails now and did not before announces all its open items; one that failed before announces the items it did not
// have. When the previous snapshot kept only part of a check's keys, that check announces only its change of status.
import type { Evidence, Severity } from './types';

/** Keys kept per high-severity check in a snapshot: enough for any real estate, bounded for a huge one. */
export const MAX_SNAPSHOT_KEYS = 5_000;

export interface SnapshotCheckState {
  status: string;
  keys?: string[];
  keysTruncated?: boolean;
}

export interface CheckNow {
  id: string;
  title: string;
  severity: Severity;
  status: string;
  open: Evidence[];
}

export interface NewFindings {
  checkId: string;
  title: string;
  items: Evidence[];
}

/** What a snapshot keeps of one check. */
export function snapshotState(c: CheckNow): SnapshotCheckState {
  if (c.severity !== 'high' || c.status !== 'fail') return { status: c.status };
  const keys = c.open.map((e) => e.key);
  return keys.length > MAX_SNAPSHOT_KEYS
    ? { status: c.status, keys: keys.slice(0, MAX_SNAPSHOT_KEYS), keysTruncated: true }
    : { status: c.status, keys };
}

export function newHighSeverityFindings(previous: Record<string, SnapshotCheckState> | null, now: readonly CheckNow[]): NewFindings[] {
  if (previous === null) return [];
  const out: NewFindings[] = [];
  for (const c of now) {
    if (c.severity !== 'high' || c.status !== 'fail' || c.open.length === 0) continue;
    const before = previous[c.id];
    if (!before || before.status !== 'fail') {
      out.push({ checkId: c.id, title: c.title, items: c.open });
      continue;
    }
    if (before.keysTruncated) continue;
    const known = new Set(before.keys ?? []);
    const fresh = c.open.filter((e) => !known.has(e.key));
    if (fresh.length) out.push({ checkId: c.id, title: c.title, items: fresh });
  }
  return out;
}
