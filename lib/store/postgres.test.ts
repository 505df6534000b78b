import { describe, expect, it } from 'vitest';
import { toPostgresPlaceholders } from './postgres';

describe('placeholders for Postgres', () => {
  it('numbers each ? in order and leaves quoted text and identifiers alone', () => {
    expect(toPostgresPlaceholders('SELECT * FROM t WHERE a = ? AND b IN (?, ?) LIMIT ?')).toBe(
      'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3) LIMIT $4',
    );
    expect(toPostgresPlaceholders(`SELECT '?', 'it''s ?', "odd?col" FROM t WHERE c = ?`)).toBe(
      `SELECT '?', 'it''s ?', "odd?col" FROM t WHERE c = $1`,
    );
  });
});
