// Schema migrations, applied in list order and recorded by id. Ids are '<area>-<n>-<what>' so engineers working in
// parallel never collide; append new ones, never edit one that has shipped.
import 'server-only';
import { ROTATION_JOURNAL_MIGRATION } from './rotation-journal-migration';

export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 'foundation-1-action-log',
    sql: `
      CREATE TABLE action_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'partial')),
        detail TEXT,
        upstream_request_id TEXT,
        request_id TEXT,
        acting_as TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX action_log_target ON action_log (target, seq);
      CREATE INDEX action_log_actor ON action_log (actor, seq);
      CREATE TRIGGER action_log_no_update BEFORE UPDATE ON action_log BEGIN SELECT RAISE(ABORT, 'action_log is append-only'); END;
      CREATE TRIGGER action_log_no_delete BEFORE DELETE ON action_log BEGIN SELECT RAISE(ABORT, 'action_log is append-only'); END;
    `,
  },
  {
    id: 'foundation-2-ended-sessions',
    sql: `CREATE TABLE ended_sessions (sid TEXT PRIMARY KEY, ended_at INTEGER NOT NULL);`,
  },
  ROTATION_JOURNAL_MIGRATION,
];
