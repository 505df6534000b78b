// The code scan's object tables: the state of each workspace object as last read (object id, modified_at, content
// hash: what makes a re-scan incremental) with its owner, and findings. A finding holds a masked preview, never a
// credential: nothing here can leak one. Runs are in code-scan-runs.ts.
import 'server-only';
import type { Db } from './engine';

export type UnreadableReason = 'permission' | 'size' | 'format' | 'error';
export type ScanObjectType = 'NOTEBOOK' | 'FILE' | 'LIBRARY';

export interface ObjectState {
  objectId: string;
  path: string;
  objectType: ScanObjectType;
  language: string | null;
  modifiedAt: number | null;
  contentHash: string | null;
  rulesVersion: string;
  status: 'scanned' | 'unreadable';
  reason: UnreadableReason | null;
  ownerSource: string | null;
  stale: boolean;
}

export interface StoredFinding {
  id: string;
  line: number;
  detector: string;
  preview: string;
  variable: string | null;
  context: string;
}

export interface ObjectWrite extends Omit<ObjectState, 'ownerSource' | 'stale'> {
  detail: string | null;
  scannedAt: number;
  inGitFolder: boolean;
  truncated: boolean;
  /** Replaces the object's findings; a finding seen before keeps its first-seen time. */
  findings: StoredFinding[];
}

export interface OwnerWrite {
  objectId: string;
  source: 'audit-log' | 'folder' | 'none' | 'unavailable';
  name: string | null;
  note: string | null;
}

interface ObjectRow {
  object_id: string;
  path: string;
  object_type: ScanObjectType;
  language: string | null;
  modified_at: number | null;
  content_hash: string | null;
  rules_version: string;
  status: 'scanned' | 'unreadable';
  reason: UnreadableReason | null;
  owner_source: string | null;
  stale: number;
}

/** What every known object looked like when last read: the scan compares the listing with it. */
export async function loadObjectStates(db: Db): Promise<Map<string, ObjectState>> {
  const rows = await db.all<ObjectRow>(
    'SELECT object_id, path, object_type, language, modified_at, content_hash, rules_version, status, reason, owner_source, stale FROM code_scan_objects',
  );
  return new Map(
    rows.map((r) => [
      r.object_id,
      {
        objectId: r.object_id,
        path: r.path,
        objectType: r.object_type,
        language: r.language,
        modifiedAt: r.modified_at === null ? null : Number(r.modified_at),
        contentHash: r.content_hash,
        rulesVersion: r.rules_version,
        status: r.status,
        reason: r.reason,
        ownerSource: r.owner_source,
        stale: Number(r.stale) === 1,
      },
    ]),
  );
}

const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Writes objects as just read and replaces their findings, in one transaction. */
export async function saveObjects(db: Db, objects: readonly ObjectWrite[], now = Date.now()): Promise<void> {
  if (objects.length === 0) return;
  await db.transaction(async (tx) => {
    const firstSeen = new Map<string, number>();
    for (const part of chunks(objects, 400)) {
      const ids = part.map((o) => o.objectId);
      const rows = await tx.all<{ id: string; first_seen_at: number }>(
        `SELECT id, first_seen_at FROM code_scan_findings WHERE object_id IN (${marks(ids.length)})`,
        ids,
      );
      for (const r of rows) firstSeen.set(r.id, Number(r.first_seen_at));
      await tx.run(`DELETE FROM code_scan_findings WHERE object_id IN (${marks(ids.length)})`, ids);
    }
    for (const o of objects) {
      await tx.run(
        `INSERT INTO code_scan_objects (object_id, path, object_type, language, modified_at, content_hash, rules_version, status, reason,
           detail, scanned_at, stale, in_git_folder, findings, truncated)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
         ON CONFLICT (object_id) DO UPDATE SET path = excluded.path, object_type = excluded.object_type, language = excluded.language,
           modified_at = excluded.modified_at, content_hash = excluded.content_hash, rules_version = excluded.rules_version,
           status = excluded.status, reason = excluded.reason, detail = excluded.detail, scanned_at = excluded.scanned_at, stale = 0,
           in_git_folder = excluded.in_git_folder, findings = excluded.findings, truncated = excluded.truncated`,
        [
          o.objectId,
          o.path,
          o.objectType,
          o.language,
          o.modifiedAt,
          o.contentHash,
          o.rulesVersion,
          o.status,
          o.reason,
          o.detail,
          o.scannedAt,
          o.inGitFolder ? 1 : 0,
          o.findings.length,
          o.truncated ? 1 : 0,
        ],
      );
      for (const f of o.findings)
        await tx.run(
          'INSERT INTO code_scan_findings (id, object_id, line, detector, preview, variable, context, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [f.id, o.objectId, f.line, f.detector, f.preview, f.variable, f.context, firstSeen.get(f.id) ?? now],
        );
    }
  });
}

/** Objects seen again unchanged: a move keeps the content and the findings, only the path changes; seen means not stale. */
export async function updateSeen(
  db: Db,
  moved: ReadonlyArray<{ objectId: string; path: string }>,
  unstale: readonly string[],
): Promise<void> {
  if (moved.length === 0 && unstale.length === 0) return;
  await db.transaction(async (tx) => {
    for (const m of moved) await tx.run('UPDATE code_scan_objects SET path = ?, stale = 0 WHERE object_id = ?', [m.path, m.objectId]);
    for (const part of chunks(unstale, 400))
      await tx.run(`UPDATE code_scan_objects SET stale = 0 WHERE object_id IN (${marks(part.length)})`, part);
  });
}

/** Objects the workspace no longer has: gone with their findings. */
export async function removeObjects(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    for (const part of chunks(ids, 400)) {
      await tx.run(`DELETE FROM code_scan_findings WHERE object_id IN (${marks(part.length)})`, part);
      await tx.run(`DELETE FROM code_scan_objects WHERE object_id IN (${marks(part.length)})`, part);
    }
  });
}

/** Objects the last scan could not see (hidden from its identity, or their folder could not be listed): kept, marked. */
export async function markStale(db: Db, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids, 400))
    await db.run(`UPDATE code_scan_objects SET stale = 1 WHERE object_id IN (${marks(part.length)})`, part);
}

/** Objects with findings whose owner is not known yet (new, or the last attempt could not read the audit log). */
export async function objectsNeedingOwner(db: Db): Promise<Array<{ objectId: string; path: string; objectType: ScanObjectType }>> {
  const rows = await db.all<{ object_id: string; path: string; object_type: ScanObjectType }>(
    "SELECT object_id, path, object_type FROM code_scan_objects WHERE findings > 0 AND (owner_source IS NULL OR owner_source = 'unavailable')",
  );
  return rows.map((r) => ({ objectId: r.object_id, path: r.path, objectType: r.object_type }));
}

export async function setOwners(db: Db, owners: readonly OwnerWrite[]): Promise<void> {
  if (owners.length === 0) return;
  await db.transaction(async (tx) => {
    for (const o of owners)
      await tx.run('UPDATE code_scan_objects SET owner_source = ?, owner_name = ?, owner_note = ? WHERE object_id = ?', [
        o.source,
        o.name,
        o.note,
        o.objectId,
      ]);
  });
}

export interface FindingRow {
  id: string;
  objectId: string;
  path: string;
  objectType: ScanObjectType;
  language: string | null;
  line: number;
  detector: string;
  preview: string;
  variable: string | null;
  context: string;
  firstSeenAt: number;
  scannedAt: number;
  stale: boolean;
  inGitFolder: boolean;
  ownerSource: string | null;
  ownerName: string | null;
  ownerNote: string | null;
}

export async function listFindings(db: Db): Promise<FindingRow[]> {
  const rows = await db.all<Record<string, string | number | null>>(
    `SELECT f.id, f.object_id, o.path, o.object_type, o.language, f.line, f.detector, f.preview, f.variable, f.context, f.first_seen_at,
       o.scanned_at, o.stale, o.in_git_folder, o.owner_source, o.owner_name, o.owner_note
     FROM code_scan_findings f JOIN code_scan_objects o ON o.object_id = f.object_id
     ORDER BY o.path, f.line`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    objectId: String(r.object_id),
    path: String(r.path),
    objectType: r.object_type as ScanObjectType,
    language: r.language === null ? null : String(r.language),
    line: Number(r.line),
    detector: String(r.detector),
    preview: String(r.preview),
    variable: r.variable === null ? null : String(r.variable),
    context: String(r.context),
    firstSeenAt: Number(r.first_seen_at),
    scannedAt: Number(r.scanned_at),
    stale: Number(r.stale) === 1,
    inGitFolder: Number(r.in_git_folder) === 1,
    ownerSource: r.owner_source === null ? null : String(r.owner_source),
    ownerName: r.owner_name === null ? null : String(r.owner_name),
    ownerNote: r.owner_note === null ? null : String(r.owner_note),
  }));
}

export interface UnreadableRow {
  path: string;
  objectType: ScanObjectType;
  reason: UnreadableReason;
  detail: string | null;
}

export async function listUnreadable(db: Db, limit: number): Promise<UnreadableRow[]> {
  const rows = await db.all<{ path: string; object_type: ScanObjectType; reason: UnreadableReason; detail: string | null }>(
    "SELECT path, object_type, reason, detail FROM code_scan_objects WHERE status = 'unreadable' ORDER BY reason, path LIMIT ?",
    [limit],
  );
  return rows.map((r) => ({ path: r.path, objectType: r.object_type, reason: r.reason, detail: r.detail }));
}

export interface CoverageCounts {
  objects: number;
  notebooks: number;
  files: number;
  libraries: number;
  scanned: number;
  unreadable: Record<UnreadableReason, number>;
  stale: number;
  withFindings: number;
  findings: number;
}

export async function coverageCounts(db: Db): Promise<CoverageCounts> {
  const [byType, byStatus, findings] = await Promise.all([
    db.all<{ object_type: ScanObjectType; n: number }>('SELECT object_type, COUNT(*) AS n FROM code_scan_objects GROUP BY object_type'),
    db.all<{ status: string; reason: UnreadableReason | null; n: number; stale: number; with_findings: number }>(
      `SELECT status, reason, COUNT(*) AS n, SUM(stale) AS stale, SUM(CASE WHEN findings > 0 THEN 1 ELSE 0 END) AS with_findings
       FROM code_scan_objects GROUP BY status, reason`,
    ),
    db.get<{ n: number }>('SELECT COUNT(*) AS n FROM code_scan_findings'),
  ]);
  const type = (t: ScanObjectType) => Number(byType.find((r) => r.object_type === t)?.n ?? 0);
  const unreadable: Record<UnreadableReason, number> = { permission: 0, size: 0, format: 0, error: 0 };
  let scanned = 0;
  let stale = 0;
  let withFindings = 0;
  for (const r of byStatus) {
    if (r.status === 'scanned') scanned += Number(r.n);
    else if (r.reason) unreadable[r.reason] += Number(r.n);
    stale += Number(r.stale ?? 0);
    withFindings += Number(r.with_findings ?? 0);
  }
  const notebooks = type('NOTEBOOK');
  const files = type('FILE');
  const libraries = type('LIBRARY');
  return {
    objects: notebooks + files + libraries,
    notebooks,
    files,
    libraries,
    scanned,
    unreadable,
    stale,
    withFindings,
    findings: Number(findings?.n ?? 0),
  };
}
