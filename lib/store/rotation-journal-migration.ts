// The rotation journal's table (lib/store/rotation-journal.ts), listed in MIGRATIONS. Append new migrations;
// never edit this one once shipped.
import 'server-only';
import { TERMINAL_STATES } from '@/lib/tokens/rules/rotation-machine';
import type { Migration } from './migrations';

export const TERMINAL_SQL = [...TERMINAL_STATES].map((s) => `'${s}'`).join(', ');

export const ROTATION_JOURNAL_MIGRATION: Migration = {
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
    CREATE UNIQUE INDEX rotation_journal_open ON rotation_journal (token_id) WHERE state NOT IN (${TERMINAL_SQL});
    CREATE INDEX rotation_journal_updated ON rotation_journal (updated_at);
  `,
};
