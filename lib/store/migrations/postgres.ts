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
    id: 'posture-1-exceptions-and-snapshots',
    sql: `
      CREATE TABLE posture_exceptions (
        id TEXT PRIMARY KEY,
        check_id TEXT NOT NULL,
        evidence_key TEXT,
        reason TEXT NOT NULL,
        owner TEXT NOT NULL,
        expires_on TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_by TEXT,
        updated_at BIGINT,
        ended_by TEXT,
        ended_at BIGINT,
        expiry_recorded_at BIGINT
      );
      CREATE INDEX posture_exceptions_check ON posture_exceptions (check_id, evidence_key);
      CREATE TABLE posture_snapshots (
        id TEXT PRIMARY KEY,
        taken_at BIGINT NOT NULL,
        cause TEXT NOT NULL CHECK (cause IN ('daily', 'admin', 'viewer')),
        identity TEXT NOT NULL,
        taken_by TEXT,
        score INTEGER,
        measured INTEGER NOT NULL,
        total INTEGER NOT NULL,
        accepted INTEGER NOT NULL,
        statuses TEXT NOT NULL
      );
      CREATE INDEX posture_snapshots_taken ON posture_snapshots (taken_at);
    `,
  },
  {
    // Credentials in code: scan runs (progress, cancellation, one running at a time across instances), what each
    // workspace object looked like when last read (modified_at and a content hash, so a re-scan exports only what
    // changed) with its owner, and findings as masked previews only: no credential value is ever stored.
    id: 'codescan-1-state',
    sql: `
      CREATE TABLE code_scan_runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled')),
        mode TEXT NOT NULL CHECK (mode IN ('incremental', 'full')),
        started_by TEXT NOT NULL,
        acting_as TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'cancelled', 'failed')),
        holder TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        heartbeat_at BIGINT NOT NULL,
        finished_at BIGINT,
        cancel_requested INTEGER NOT NULL DEFAULT 0,
        progress TEXT NOT NULL,
        error TEXT
      );
      CREATE UNIQUE INDEX code_scan_runs_one_running ON code_scan_runs (state) WHERE state = 'running';
      CREATE INDEX code_scan_runs_started ON code_scan_runs (started_at);
      CREATE TABLE code_scan_objects (
        object_id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        object_type TEXT NOT NULL CHECK (object_type IN ('NOTEBOOK', 'FILE', 'LIBRARY')),
        language TEXT,
        modified_at BIGINT,
        content_hash TEXT,
        rules_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scanned', 'unreadable')),
        reason TEXT CHECK (reason IN ('permission', 'size', 'format', 'error')),
        detail TEXT,
        scanned_at BIGINT NOT NULL,
        stale INTEGER NOT NULL DEFAULT 0,
        in_git_folder INTEGER NOT NULL DEFAULT 0,
        findings INTEGER NOT NULL DEFAULT 0,
        truncated INTEGER NOT NULL DEFAULT 0,
        owner_source TEXT,
        owner_name TEXT,
        owner_note TEXT
      );
      CREATE INDEX code_scan_objects_findings ON code_scan_objects (findings) WHERE findings > 0;
      CREATE INDEX code_scan_objects_unreadable ON code_scan_objects (status) WHERE status = 'unreadable';
      CREATE TABLE code_scan_findings (
        id TEXT PRIMARY KEY,
        object_id TEXT NOT NULL,
        line INTEGER NOT NULL,
        detector TEXT NOT NULL,
        preview TEXT NOT NULL,
        variable TEXT,
        context TEXT NOT NULL,
        first_seen_at BIGINT NOT NULL
      );
      CREATE INDEX code_scan_findings_object ON code_scan_findings (object_id);
    `,
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
  {
    // Who opened which weekly report first: the posture's weekly-review check asks whether last week's report was read.
    // A separate table because reports themselves never change.
    id: 'reports-2-opens',
    sql: `
      CREATE TABLE report_opens (
        report_id TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at BIGINT NOT NULL,
        PRIMARY KEY (report_id, opened_by)
      );
    `,
  },
];
