// Weekly report snapshots: written once, read many times, never changed (the migration's triggers refuse UPDATE and
// DELETE). The body is the report as the API answers it, minus its version and deliveries, which the store adds.
import 'server-only';
import type { Db } from './engine';

export interface StoredReportRow {
  id: string;
  week: string;
  version: number;
  trigger: 'schedule' | 'on_demand';
  generated_at: number;
  generated_by: string;
  missing: number;
  body: string;
}

export interface ReportInsert {
  id: string;
  week: string;
  trigger: 'schedule' | 'on_demand';
  generatedAt: number;
  generatedBy: string;
  /** Figures the report could not count. */
  missing: number;
  body: unknown;
}

export type InsertOutcome = { inserted: true; version: number } | { inserted: false; reason: 'scheduled_exists' };

const SUMMARY_COLUMNS = 'id, week, version, trigger, generated_at, generated_by, missing';

/**
 * Stores a report as the next version of its week. A scheduled report for a week that already has one is not stored
 * (another instance, or an earlier run, got there first): the partial unique index decides, inside the transaction.
 */
export async function insertReport(db: Db, r: ReportInsert): Promise<InsertOutcome> {
  return db.transaction(async (tx) => {
    if (r.trigger === 'schedule') {
      const existing = await tx.get<{ id: string }>("SELECT id FROM reports WHERE week = ? AND trigger = 'schedule'", [r.week]);
      if (existing) return { inserted: false, reason: 'scheduled_exists' } as const;
    }
    const last = await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM reports WHERE week = ?', [r.week]);
    const version = (last?.v ?? 0) + 1;
    await tx.run(
      'INSERT INTO reports (id, week, version, trigger, generated_at, generated_by, missing, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.week, version, r.trigger, r.generatedAt, r.generatedBy, r.missing, JSON.stringify(r.body)],
    );
    return { inserted: true, version } as const;
  });
}

export async function getReportRow(db: Db, id: string): Promise<StoredReportRow | undefined> {
  return db.get<StoredReportRow>(`SELECT ${SUMMARY_COLUMNS}, body FROM reports WHERE id = ?`, [id]);
}

/** Newest week first, newest version first within a week. */
export async function listReportRows(db: Db, limit = 200): Promise<Omit<StoredReportRow, 'body'>[]> {
  return db.all(`SELECT ${SUMMARY_COLUMNS} FROM reports ORDER BY week DESC, version DESC LIMIT ?`, [limit]);
}

export async function hasScheduledReport(db: Db, week: string): Promise<boolean> {
  return Boolean(await db.get("SELECT 1 AS found FROM reports WHERE week = ? AND trigger = 'schedule'", [week]));
}
