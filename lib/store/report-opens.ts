// Who opened a weekly report, and when they first did: one row per report and person, written when a person reads it
// (the page or the API), never by the schedule. Read by the posture's weekly-review check.
import 'server-only';
import type { Db } from './engine';

/** Notes that `userName` opened the report; a later open by the same person keeps the first time. */
export async function recordReportOpen(db: Db, reportId: string, userName: string, at = Date.now()): Promise<void> {
  await db.run('INSERT INTO report_opens (report_id, opened_by, opened_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
    reportId,
    userName,
    at,
  ]);
}

export interface ReportReading {
  id: string;
  generatedAt: number;
  /** The first open by anyone; null when nobody has opened it. */
  openedAt: number | null;
  openedBy: string | null;
}

/** Reports generated since `since`, newest first, each with its first reader. */
export async function reportsReadSince(db: Db, since: number): Promise<ReportReading[]> {
  const rows = await db.all<{ id: string; generated_at: number; opened_at: number | null; opened_by: string | null }>(
    `SELECT r.id, r.generated_at, o.opened_at, o.opened_by FROM reports r LEFT JOIN report_opens o ON o.report_id = r.id
     WHERE r.generated_at >= ? ORDER BY r.generated_at DESC, o.opened_at`,
    [since],
  );
  const out = new Map<string, ReportReading>();
  for (const r of rows) {
    // Rows of one report come together, earliest open first: the first one names its first reader.
    if (!out.has(r.id))
      out.set(r.id, {
        id: r.id,
        generatedAt: Number(r.generated_at),
        openedAt: r.opened_at === null ? null : Number(r.opened_at),
        openedBy: r.opened_by,
      });
  }
  return [...out.values()];
}
