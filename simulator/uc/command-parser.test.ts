import { describe, expect, it } from 'vitest';
import { parseUcCommand } from './command-parser';

describe('parseUcCommand', () => {
  it('reads privilege names with spaces and back-quoted principals', () => {
    expect(parseUcCommand('GRANT USE CATALOG, ALL PRIVILEGES ON CATALOG `my-cat` TO `data engineers`')).toEqual({
      kind: 'grant',
      privileges: ['USE_CATALOG', 'ALL_PRIVILEGES'],
      securable: { type: 'catalog', parts: ['my-cat'] },
      principal: 'data engineers',
    });
    expect(parseUcCommand('revoke select on main.default.t from `ana@example.com`')).toEqual({
      kind: 'revoke',
      privileges: ['SELECT'],
      securable: { type: 'table', parts: ['main', 'default', 't'] },
      principal: 'ana@example.com',
    });
    expect(parseUcCommand('GRANT SELECT ON DATABASE s TO users')).toMatchObject({ securable: { type: 'schema', parts: ['s'] } });
  });

  it('reads SHOW GRANTS with and without a principal', () => {
    expect(parseUcCommand('SHOW GRANTS `x y` ON SCHEMA a.b')).toEqual({
      kind: 'show_grants',
      principal: 'x y',
      securable: { type: 'schema', parts: ['a', 'b'] },
    });
    expect(parseUcCommand('SHOW GRANT ON a.b.c')).toEqual({
      kind: 'show_grants',
      principal: null,
      securable: { type: 'table', parts: ['a', 'b', 'c'] },
    });
  });

  it('reads masks, row filters and tags', () => {
    expect(parseUcCommand("ALTER TABLE t ALTER COLUMN ssn SET MASK f USING COLUMNS (region, 'EU')")).toEqual({
      kind: 'set_mask',
      table: ['t'],
      column: 'ssn',
      fn: ['f'],
      using: ['region', "'EU'"],
    });
    expect(parseUcCommand('ALTER TABLE a.b.t ALTER ssn DROP MASK')).toEqual({ kind: 'drop_mask', table: ['a', 'b', 't'], column: 'ssn' });
    expect(parseUcCommand('ALTER TABLE t SET ROW FILTER a.b.f ON ()')).toEqual({
      kind: 'set_row_filter',
      table: ['t'],
      fn: ['a', 'b', 'f'],
      inputs: [],
    });
    expect(parseUcCommand('ALTER TABLE t DROP ROW FILTER')).toEqual({ kind: 'drop_row_filter', table: ['t'] });
    expect(parseUcCommand("ALTER TABLE t ALTER COLUMN email SET TAGS ('pii' = 'email', 'class' = 'c1')")).toEqual({
      kind: 'set_tags',
      table: ['t'],
      column: 'email',
      tags: [
        ['pii', 'email'],
        ['class', 'c1'],
      ],
    });
    expect(parseUcCommand('ALTER TABLE t ADD COLUMN x INT')).toBeNull();
  });

  it('reads SQL function definitions, keeping the body as written', () => {
    expect(
      parseUcCommand(
        "CREATE OR REPLACE FUNCTION c.s.m(ssn STRING COMMENT 'x', n DECIMAL(10, 2) DEFAULT 1) RETURNS STRING COMMENT 'mask' RETURN CASE WHEN is_member('hr') THEN ssn ELSE '***' END",
      ),
    ).toEqual({
      kind: 'create_function',
      name: ['c', 's', 'm'],
      orReplace: true,
      ifNotExists: false,
      params: [
        { name: 'ssn', type: 'STRING' },
        { name: 'n', type: 'DECIMAL(10, 2)' },
      ],
      returnType: 'STRING',
      body: "CASE WHEN is_member('hr') THEN ssn ELSE '***' END",
    });
  });

  it('fails loudly on statements that start like Unity Catalog commands but are not', () => {
    expect(() => parseUcCommand('GRANT SELECT TO x')).toThrow(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near 'TO'/);
    expect(() => parseUcCommand('GRANT SELECT ON TABLE t TO ana@example.com')).toThrow(/PARSE_SYNTAX_ERROR/);
    expect(() => parseUcCommand('GRANT CREATE EXTERNAL TABLE ON EXTERNAL LOCATION l TO x')).toThrow(/UNSUPPORTED_FEATURE/);
    expect(parseUcCommand('SELECT 1')).toBeNull();
  });

  it('parses grants on volumes', () => {
    expect(parseUcCommand('GRANT READ VOLUME, WRITE VOLUME ON VOLUME main.default.landing TO `data-engineering`')).toEqual({
      kind: 'grant',
      privileges: ['READ_VOLUME', 'WRITE_VOLUME'],
      securable: { type: 'volume', parts: ['main', 'default', 'landing'] },
      principal: 'data-engineering',
    });
  });
});
