// Shared SQL for every audit query against system.access.audit (Databricks SQL dialect). Three rules hold for all
// of them: every person-supplied value is a named parameter; every query bounds event_date (the partition column)
// as well as event_time; the category expression is generated from lib/security's rule list, never hand-written.
import 'server-only';
import { CATEGORY_RULES, type AuditCategory, type CategoryRule } from '@/lib/security/audit-categories';
import type { AuditFilters } from '@/lib/security/audit-filters';
import { utcDate, type TimeWindow } from '@/lib/security/audit-range';

export const AUDIT_TABLE = 'system.access.audit';

export type SqlValue = string | number | boolean | Date | null;
export type SqlParams = Record<string, SqlValue>;

/** One named, parameterised statement: the unit the SQL client runs, tests inspect and the integration suite executes. */
export interface AuditStatement {
  /** Stable name for logs and the request log. */
  name: string;
  sql: string;
  params: SqlParams;
  /** Client-side row cap; the SQL carries a matching LIMIT. */
  maxRows: number;
}

/**
 * A constant (never person input) inlined as a SQL string literal. Databricks treats backslash as an escape in
 * string literals, so instead of escaping we only allow plain identifiers.
 */
export function sqlName(value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(value)) throw new Error(`refusing to inline ${JSON.stringify(value)} into SQL`);
  return `'${value}'`;
}

function ruleCondition(rule: CategoryRule): string {
  const parts: string[] = [];
  if (rule.service !== null) parts.push(`service_name = ${sqlName(rule.service)}`);
  if (rule.actions !== null) parts.push(`action_name IN (${rule.actions.map(sqlName).join(', ')})`);
  return parts.join(' AND ');
}

/** CASE expression yielding the category id of a row; first matching rule wins, as in categorizeEvent. */
export const CATEGORY_SQL = [
  'CASE',
  ...CATEGORY_RULES.map((rule) => `  WHEN ${ruleCondition(rule)} THEN ${sqlName(rule.category)}`),
  `  ELSE ${sqlName('other')}`,
  'END',
].join('\n');

/** The category expression as a select-list column, indented to sit inside a SELECT. */
export const CATEGORY_COLUMN = `${CATEGORY_SQL.replaceAll('\n', '\n  ')} AS category`;

export const FAILED_SQL = 'response.status_code >= 400';
// Some internal events carry no status at all; they did not fail.
const SUCCEEDED_SQL = '(response.status_code IS NULL OR response.status_code < 400)';

/** Epoch microseconds of event_time: the keyset position (a JS Date would lose the microseconds). */
export const EVENT_MICROS_SQL = 'unix_micros(event_time)';

export interface WhereClause {
  sql: string;
  params: SqlParams;
}

/**
 * WHERE clause for a window and the shared filters, plus extra fixed conditions (constants only). The window's
 * event_date bounds come first so partition pruning never depends on how the rest is planned.
 */
export function auditWhere(window: Pick<TimeWindow, 'from' | 'to'>, filters: AuditFilters, extra: readonly string[] = []): WhereClause {
  const conditions = [
    'event_date >= CAST(:from_date AS DATE)',
    'event_date <= CAST(:to_date AS DATE)',
    'event_time >= :from_time',
    'event_time < :to_time',
  ];
  const params: SqlParams = {
    from_date: utcDate(window.from),
    to_date: utcDate(window.to),
    from_time: window.from,
    to_time: window.to,
  };
  if (filters.service) {
    conditions.push('service_name = :service');
    params.service = filters.service;
  }
  if (filters.action) {
    conditions.push('action_name = :action');
    params.action = filters.action;
  }
  if (filters.actor) {
    conditions.push('contains(lower(user_identity.email), lower(:actor))');
    params.actor = filters.actor;
  }
  if (filters.ip) {
    // source_ip_address may carry ':port'. The filter schema only admits address characters, so the bound
    // LIKE pattern holds no wildcard but the one added here.
    conditions.push('(source_ip_address = :ip OR source_ip_address LIKE :ip_with_port)');
    params.ip = filters.ip;
    params.ip_with_port = `${filters.ip}:%`;
  }
  if (filters.outcome) conditions.push(filters.outcome === 'failure' ? FAILED_SQL : SUCCEEDED_SQL);
  if (filters.category) {
    conditions.push(`(${CATEGORY_SQL}) = :category`);
    params.category = filters.category;
  }
  conditions.push(...extra);
  return { sql: `WHERE ${conditions.join('\n  AND ')}`, params };
}

/** Condition restricting rows to one category (a constant, so it is inlined). */
export function inCategory(category: AuditCategory): string {
  return `(${CATEGORY_SQL}) = ${sqlName(category)}`;
}
