import { beforeAll, describe, expect, it } from 'vitest';
import { SqlError } from './errors';
import { bindParameters } from './params';
import { Translator, initTranslator, rewriteNames } from './translate';

const reserved = new Map([
  ['system', 'dbx_system'],
  ['main', 'dbx_main'],
]);

describe('rewriteNames', () => {
  it('remaps reserved catalogs only at the head of three-part names', () => {
    expect(rewriteNames('SELECT a.system FROM system.access.audit AS s', reserved)).toBe(
      'SELECT a.system FROM dbx_system.access.audit AS s',
    );
    expect(rewriteNames('SELECT * FROM "system"."access"."audit"', reserved)).toBe('SELECT * FROM dbx_system."access"."audit"');
    expect(rewriteNames('SELECT system.x FROM t', reserved)).toBe('SELECT system.x FROM t');
  });

  it('quotes default and moves information_schema, but never inside strings or comments', () => {
    expect(rewriteNames("SELECT 'main.default.t' FROM main.default.t -- main.default.x", reserved)).toBe(
      'SELECT \'main.default.t\' FROM dbx_main."default".t -- main.default.x',
    );
    expect(rewriteNames('SELECT * FROM system.information_schema.tables, information_schema.columns', reserved)).toBe(
      'SELECT * FROM dbx_system.uc_information_schema.tables, uc_information_schema.columns',
    );
  });
});

describe('Translator', () => {
  beforeAll(() => initTranslator());
  const t = new Translator(reserved);

  it('turns back-quoted Databricks names into DuckDB ones, reserved catalogs included', () => {
    expect(t.translate('SELECT `user_identity`.email FROM `system`.`access`.`audit`')).toBe(
      'SELECT "user_identity".email FROM dbx_system."access"."audit"',
    );
    expect(t.translate('SELECT * FROM `main`.`default`.`my-table`')).toBe('SELECT * FROM dbx_main."default"."my-table"');
  });

  it('keeps date_sub/date_add returning DATE and leaves parameters for binding', () => {
    const out = t.translate('SELECT * FROM t WHERE event_date >= date_sub(current_date(), :days) AND x = ?');
    expect(out).toContain('SIM_DATE_SUB(CURRENT_DATE, :days)');
    expect(out).toContain('x = ?');
  });

  it('translates Spark functions through polyglot', () => {
    const out = t.translate('SELECT nvl(a, b), collect_set(x), datediff(a, b) FROM t');
    expect(out).toBe("SELECT COALESCE(a, b), ARRAY_AGG(DISTINCT x), DATE_DIFF('DAY', b, a) FROM t");
  });

  it('passes text polyglot cannot parse through unchanged so DuckDB reports the error', () => {
    expect(t.translate('SELEC oops FROM')).toBe('SELEC oops FROM');
  });
});

describe('bindParameters', () => {
  it('binds named parameters once per name and typed by the driver', () => {
    const out = bindParameters('SELECT :n + 1, :n, :s, :when, :nothing', [
      { name: 'n', type: 'INTEGER', value: { stringValue: '41' } },
      { name: 's', type: 'STRING', value: { stringValue: "it's" } },
      { name: 'when', type: 'TIMESTAMP', value: { stringValue: '2026-01-02T03:04:05.000Z' } },
      { name: 'nothing' },
    ]);
    expect(out.sql).toBe('SELECT CAST($1 AS INTEGER) + 1, CAST($1 AS INTEGER), CAST($2 AS VARCHAR), CAST($3 AS TIMESTAMP), NULL');
    expect(out.values).toEqual(['41', "it's", '2026-01-02T03:04:05.000Z']);
  });

  it('binds positional parameters in order and ignores markers inside strings', () => {
    const out = bindParameters("SELECT ?, '?', ?", [
      { type: 'DOUBLE', value: { stringValue: '3.5' } },
      { type: 'BOOLEAN', value: { stringValue: 'TRUE' } },
    ]);
    expect(out).toEqual({ sql: "SELECT CAST($1 AS DOUBLE), '?', CAST($2 AS BOOLEAN)", values: ['3.5', 'TRUE'] });
  });

  it('reports a missing parameter the way Databricks does', () => {
    expect(() => bindParameters('SELECT :missing', [])).toThrow(SqlError);
    expect(() => bindParameters('SELECT :missing', [])).toThrow(/^\[UNBOUND_SQL_PARAMETER\] Found the unbound parameter: missing\./);
  });

  it('leaves casts and struct literals alone', () => {
    const sql = "SELECT x::INT, {'a': 1}, m['k'] FROM t";
    expect(bindParameters(sql, [])).toEqual({ sql, values: [] });
  });
});
