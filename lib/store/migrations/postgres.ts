// Postgres schema migrations: the same ids, in the same order, as migrations/sqlite.ts, in Postgres' own SQL. Literal
// text, pinned by hash in migrations.test.ts; a shipped migration never changes. Append, in both files.
//
// Where SQLite has it built in, the equivalent is spelled out: epoch-millisecond columns are BIGINT; the append-only
// triggers also refuse TRUNCATE; and "the highest seq ever written" (sqlite_sequence for an AUTOINCREMENT key) is
// action_log_high_water, raised by a trigger on every insert, so rows cut off the end of the log are noticed.
import 'server-only';
import type { Migration } from '../engine';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    id: 'foundation-1-action-log',
    sql: `
      CREATE TABLE action_log (
        seq BIGINT PRIMARY KEY,
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
      CREATE TABLE action_log_high_water (
        only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
        high_water BIGINT NOT NULL
      );
      INSERT INTO action_log_high_water (only_row, high_water) VALUES (TRUE, 0);
      CREATE FUNCTION action_log_refuse() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN RAISE EXCEPTION 'action_log is append-only'; END $$;
      CREATE FUNCTION action_log_raise_high_water() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN UPDATE action_log_high_water SET high_water = GREATEST(high_water, NEW.seq); RETURN NEW; END $$;
      CREATE TRIGGER action_log_no_update BEFORE UPDATE ON action_log FOR EACH ROW EXECUTE FUNCTION action_log_refuse();
      CREATE TRIGGER action_log_no_delete BEFORE DELETE ON action_log FOR EACH ROW EXECUTE FUNCTION action_log_refuse();
      CREATE TRIGGER action_log_no_truncate BEFORE TRUNCATE ON action_log FOR EACH STATEMENT EXECUTE FUNCTION action_log_refuse();
      CREATE TRIGGER action_log_high_water AFTER INSERT ON action_log FOR EACH ROW EXECUTE FUNCTION action_log_raise_high_water();
    `,
  },
  {
    id: 'foundation-2-ended-sessions',
    sql: `CREATE TABLE ended_sessions (sid TEXT PRIMARY KEY, ended_at BIGINT NOT NULL);`,
  },
  {
    id: 'tokens-1-rotation-journal',
    sql: `
      CREATE TABLE rotation_journal (
        id TEXT PRIMARY KEY,
        token_id TEXT NOT NULL,
        owner_id TEXT,
        owner_name TEXT,
        method TEXT NOT NULL CHECK (method IN ('own', 'on_behalf_of')),
        application_id TEXT,
        delivery TEXT NOT NULL CHECK (delivery IN ('secret', 'reveal')),
        secret_scope TEXT,
        secret_key TEXT,
        lifetime_days INTEGER NOT NULL,
        new_comment TEXT NOT NULL,
        state TEXT NOT NULL,
        new_token_id TEXT,
        rollback_cause TEXT,
        last_error TEXT,
        actor TEXT NOT NULL,
        acting_as TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        lease_until BIGINT NOT NULL,
        delivery_started_at BIGINT
      );
      CREATE UNIQUE INDEX rotation_journal_open ON rotation_journal (token_id) WHERE state NOT IN ('completed', 'rolled_back', 'failed');
      CREATE INDEX rotation_journal_updated ON rotation_journal (updated_at);
    `,
  },
  {
    id: 'tokens-2-rotation-leases-and-windows',
    sql: `
      ALTER TABLE rotation_journal
        ADD COLUMN lease_holder TEXT,
        ADD COLUMN heartbeat_at BIGINT,
        ADD COLUMN deadline BIGINT,
        ADD COLUMN next_check_at BIGINT,
        ADD COLUMN delivery_baseline BIGINT;
    `,
  },
  {
    id: 'store-1-action-log-key',
    sql: `ALTER TABLE action_log ADD COLUMN key_id TEXT;`,
  },
  {
    id: 'store-2-schedule-runs',
    sql: `CREATE TABLE schedule_runs (job TEXT NOT NULL, period TEXT NOT NULL, holder TEXT NOT NULL, started_at BIGINT NOT NULL, PRIMARY KEY (job, period));`,
  },
  {
    id: 'reports-1-weekly-reports',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        week TEXT NOT NULL,
        version INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        generated_at BIGINT NOT NULL,
        generated_by TEXT NOT NULL,
        missing INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE UNIQUE INDEX reports_week_version ON reports (week, version);
      CREATE UNIQUE INDEX reports_scheduled_week ON reports (week) WHERE trigger = 'schedule';
      CREATE INDEX reports_generated ON reports (generated_at);
      CREATE FUNCTION reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'reports are immutable';
      END;
      $$;
      CREATE TRIGGER reports_no_change BEFORE UPDATE OR DELETE ON reports FOR EACH ROW EXECUTE FUNCTION reports_immutable();
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        status INTEGER,
        error TEXT,
        at BIGINT NOT NULL
      );
      CREATE INDEX webhook_deliveries_subject ON webhook_deliveries (subject, at);
    `,
  },
];
