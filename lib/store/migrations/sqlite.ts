// SQLite schema migrations, applied in list order and recorded by id. Literal SQL text: a shipped migration never
// changes (migrations.test.ts holds the hash of each), so every database, old or new, has the same schema. Append.
import 'server-only';
import type { Migration } from '../engine';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
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
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      lease_until INTEGER NOT NULL,
      delivery_started_at INTEGER
    );
    CREATE UNIQUE INDEX rotation_journal_open ON rotation_journal (token_id) WHERE state NOT IN ('completed', 'rolled_back', 'failed');
    CREATE INDEX rotation_journal_updated ON rotation_journal (updated_at);
  `,
  },
  {
    // Leases name their holder and carry a heartbeat, so recovery can take over from a holder that stopped beating;
    // settle and confirmation windows end at a deadline, and a settling rotation is checked again at next_check_at;
    // delivery_baseline is the secret's last update before our write, so "did it land" needs no clock comparison.
    id: 'tokens-2-rotation-leases-and-windows',
    sql: `
      ALTER TABLE rotation_journal ADD COLUMN lease_holder TEXT;
      ALTER TABLE rotation_journal ADD COLUMN heartbeat_at INTEGER;
      ALTER TABLE rotation_journal ADD COLUMN deadline INTEGER;
      ALTER TABLE rotation_journal ADD COLUMN next_check_at INTEGER;
      ALTER TABLE rotation_journal ADD COLUMN delivery_baseline INTEGER;
    `,
  },
  {
    // Rows from here on carry the id of the HMAC key that chained them; NULL marks the unkeyed SHA-256 rows written
    // before the log was keyed (a prefix, sealed by the first keyed row).
    id: 'store-1-action-log-key',
    sql: `ALTER TABLE action_log ADD COLUMN key_id TEXT;`,
  },
  {
    // Scheduled work (anchoring the action log, weekly reports, daily snapshots) runs once per period however many
    // instances share the store: the instance whose insert of (job, period) succeeds does it.
    id: 'store-2-schedule-runs',
    sql: `CREATE TABLE schedule_runs (job TEXT NOT NULL, period TEXT NOT NULL, holder TEXT NOT NULL, started_at INTEGER NOT NULL, PRIMARY KEY (job, period));`,
  },
  {
    // Posture: exceptions (an admin accepting a finding until a date; ended early or expired rows stay, for the record)
    // and snapshots of the score and coverage (daily and at every evaluation an admin asks for), for the trend.
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
        created_at INTEGER NOT NULL,
        updated_by TEXT,
        updated_at INTEGER,
        ended_by TEXT,
        ended_at INTEGER,
        expiry_recorded_at INTEGER
      );
      CREATE INDEX posture_exceptions_check ON posture_exceptions (check_id, evidence_key);
      CREATE TABLE posture_snapshots (
        id TEXT PRIMARY KEY,
        taken_at INTEGER NOT NULL,
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
        started_at INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL,
        finished_at INTEGER,
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
        modified_at INTEGER,
        content_hash TEXT,
        rules_version TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scanned', 'unreadable')),
        reason TEXT CHECK (reason IN ('permission', 'size', 'format', 'error')),
        detail TEXT,
        scanned_at INTEGER NOT NULL,
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
        first_seen_at INTEGER NOT NULL
      );
      CREATE INDEX code_scan_findings_object ON code_scan_findings (object_id);
    `,
  },
  {
    // Weekly reports: immutable snapshots (who or "schedule", when, the exact window and query versions in the body).
    // The schedule writes a week at most once (the partial unique index, across instances); an admin's regeneration
    // is a new version beside the old. The triggers make the snapshots append-only whatever code runs against them.
    id: 'reports-1-weekly-reports',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        week TEXT NOT NULL,
        version INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        generated_at INTEGER NOT NULL,
        generated_by TEXT NOT NULL,
        missing INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE UNIQUE INDEX reports_week_version ON reports (week, version);
      CREATE UNIQUE INDEX reports_scheduled_week ON reports (week) WHERE trigger = 'schedule';
      CREATE INDEX reports_generated ON reports (generated_at);
      CREATE TRIGGER reports_no_update BEFORE UPDATE ON reports BEGIN SELECT RAISE(ABORT, 'reports are immutable'); END;
      CREATE TRIGGER reports_no_delete BEFORE DELETE ON reports BEGIN SELECT RAISE(ABORT, 'reports are immutable'); END;
      CREATE TABLE webhook_deliveries (
        id TEXT PRIMARY KEY,
        subject TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        status INTEGER,
        error TEXT,
        at INTEGER NOT NULL
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
