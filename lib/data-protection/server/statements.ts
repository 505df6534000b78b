// The statements data protection runs, built from parts with lib/databricks/identifiers.ts quoting every name and the
// one group literal. What is built here is what the dialog shows and what runs.
import 'server-only';
import { z } from 'zod';
import { defineQuery, type SqlQuery } from '@/lib/databricks/sql-client';
import { quoteColumnName, quoteFullName, quoteStringLiteral, sqlType } from '@/lib/databricks/identifiers';
import { KIND_LABELS, type SensitiveKind } from '@/lib/data-protection/rules/detect';
import { maskedExpression } from '@/lib/data-protection/rules/mask-templates';

/** The masking function's one parameter. */
const PARAM = 'value';

export function createMaskFunctionSql(fn: string, kind: SensitiveKind, columnType: string, group: string): string {
  const type = sqlType(columnType);
  const g = quoteStringLiteral(group);
  return [
    `CREATE FUNCTION ${quoteFullName(fn)}(${PARAM} ${type})`,
    `RETURNS ${type}`,
    `COMMENT ${quoteStringLiteral(`Brickwatch: ${KIND_LABELS[kind]} in the clear for members of ${group} only`)}`,
    `RETURN CASE WHEN is_account_group_member(${g}) THEN ${PARAM} ELSE ${maskedExpression(kind, type, PARAM)} END`,
  ].join('\n');
}

export const setMaskSql = (table: string, column: string, fn: string) =>
  `ALTER TABLE ${quoteFullName(table)} ALTER COLUMN ${quoteColumnName(column)} SET MASK ${quoteFullName(fn)}`;

export const dropMaskSql = (table: string, column: string) =>
  `ALTER TABLE ${quoteFullName(table)} ALTER COLUMN ${quoteColumnName(column)} DROP MASK`;

export const setRowFilterSql = (table: string, fn: string, columns: readonly string[]) =>
  `ALTER TABLE ${quoteFullName(table)} SET ROW FILTER ${quoteFullName(fn)} ON (${columns.map(quoteColumnName).join(', ')})`;

export const dropRowFilterSql = (table: string) => `ALTER TABLE ${quoteFullName(table)} DROP ROW FILTER`;

/** A statement that changes something: run once, never retried. */
export function changeStatement(name: string, sql: string): SqlQuery<Record<string, unknown>> {
  return defineQuery({ name, sql, row: z.record(z.string(), z.unknown()), maxRows: 10, timeoutSeconds: 60, readOnly: false });
}
