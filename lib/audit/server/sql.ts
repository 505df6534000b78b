// Shared SQL for every audit query against system.access.audit (Databricks SQL dialect). Three rules hold for all
// of them: every person-supplied value is a named parameter; every query bounds event_date (the partition column)
// as well as event_time; the category expression is generated from lib/security's rule list, never hand-written.
import 'server-only';
import { z } from 'zod';
import { CATEGORY_RULES, categoryClauses, type AuditCategory, type CategoryRule } from '@/lib/audit/rules/categories';
import { auditQueryToSearchParams, type AuditFilters, type AuditQuery } from '@/lib/audit/contract';
import { utcDate, type TimeWindow } from '@/lib/audit/rules/range';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { defineQuery, type SqlParam, type SqlQuery, type SqlResult } from '@/lib/databricks/sql-client';

export const AUDIT_TABLE = 'system.access.audit';

export type SqlParams = Record<string, SqlParam>;

/**
 * A query plus its bound values. Audit SQL text varies only with which filters are present, and is assembled
 * from the constant fragments in this file; values never enter the text.
 */
export interface AuditStatement<Row> {
  query: SqlQuery<Row>;
  params: SqlParams;
}

export function auditStatement<Row>(spec: {
  name: string;
  /** Without LIMIT: it is added from maxRows. */
  sql: string;
  row: z.ZodType<Row>;
  params: SqlParams;
  maxRows: number;
  timeoutSeconds?: number;
}): AuditStatement<Row> {
  const { params, timeoutSeconds = 20, sql, ...query } = spec;
  // One row beyond the cap is asked for, so the client can report `truncated` instead of a silently short list.
  return { query: defineQuery({ ...query, sql: `${sql}\nLIMIT ${query.maxRows + 1}`, timeoutSeconds }), params };
}

// Row field schemas. Arrow results give numbers for BIGINT counts and Dates for TIMESTAMP/DATE; coercion keeps a
// column-mode warehouse (strings) working too.
export const countField = z.coerce.number().int().nonnegative();
export const timeField = z.coerce.date();
export const textField = z.string().nullable();
/** MAP<STRING,STRING> arrives as a plain object; values may be null. */
export const paramsField = z
  .record(z.string(), z.string().nullable())
  .nullable()
  .transform((m) => Object.fromEntries(Object.entries(m ?? {}).filter((e): e is [string, string] => e[1] !== null)));

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

/**
 * CASE expression yielding the category id of a row; first matching rule wins, as in categorizeEvent. Evaluating
 * it costs a string comparison per rule per row, so queries apply it only to rows already reduced (aggregated
 * pairs, one page of events); filters use categoryPredicate instead.
 */
export const CATEGORY_SQL = [
  'CASE',
  ...CATEGORY_RULES.map((rule) => `  WHEN ${ruleCondition(rule)} THEN ${sqlName(rule.category)}`),
  `  ELSE ${sqlName('other')}`,
  'END',
].join('\n');

/** The category expression as a select-list column, indented to sit inside a SELECT. */
export const CATEGORY_COLUMN = `${CATEGORY_SQL.replaceAll('\n', '\n  ')} AS category`;

// coalesce(…, false): a NULL service or action matches no rule, exactly as the CASE falls through to 'other'.
const anyOf = (rules: readonly CategoryRule[]) => `coalesce(${rules.map((r) => `(${ruleCondition(r)})`).join(' OR ')}, false)`;

/**
 * "This row is in `category`" as plain equality tests on service_name and action_name, generated from the same
 * rules (lib/security's categoryClauses). The category itself selects which constant fragment is used; it is
 * never spliced in as text, and it comes from a closed enum.
 */
export function categoryPredicate(category: AuditCategory): string {
  if (category === 'other') return `NOT ${anyOf(CATEGORY_RULES)}`;
  const clauses = categoryClauses(category).map((c) =>
    c.unless.length ? `(${ruleCondition(c.rule)} AND NOT ${anyOf(c.unless)})` : `(${ruleCondition(c.rule)})`,
  );
  return `(${clauses.join(' OR ')})`;
}

export const FAILED_SQL = 'response.status_code >= 400';
// Some internal events carry no status at all; they did not fail.
export const SUCCEEDED_SQL = '(response.status_code IS NULL OR response.status_code < 400)';

/**
 * Who acted: the resolved identity, or for unauthenticated events (failed sign-ins) the user name that was tried,
 * which Databricks records only in request_params.user.
 */
export const ACTOR_SQL = "coalesce(user_identity.email, nullif(request_params['user'], ''))";

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
    conditions.push(`contains(lower(${ACTOR_SQL}), lower(:actor))`);
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
  if (filters.category) conditions.push(categoryPredicate(filters.category));
  conditions.push(...extra);
  return { sql: `WHERE ${conditions.join('\n  AND ')}`, params };
}

/** Runs a statement as the request's identity. */
export function runAudit<Row>(ws: Workspace, statement: AuditStatement<Row>): Promise<SqlResult<Row>> {
  return ws.sql.query(statement.query, statement.params);
}

/**
 * Identical audit reads of one identity share one upstream query (and its result for a moment): the key is the
 * view's name plus its canonical query, so a preset stays "range=7d" rather than two drifting timestamps.
 */
export function sharedAudit<T>(ws: Workspace, view: string, query: Partial<AuditQuery>, load: () => Promise<T>, extra = ''): Promise<T> {
  return ws.coalesce(`${view}?${auditQueryToSearchParams(query).toString()}${extra ? `#${extra}` : ''}`, load);
}

/** What a person can do about the warehouse refusing an audit query (route wording per Databricks error code). */
export const AUDIT_UPSTREAM_MESSAGES = {
  PERMISSION_DENIED: 'Reading system.access.audit needs USE and SELECT on the system.access schema; an account admin can grant it.',
  INSUFFICIENT_PERMISSIONS: 'Reading system.access.audit needs USE and SELECT on the system.access schema; an account admin can grant it.',
  TABLE_OR_VIEW_NOT_FOUND:
    'system.access.audit is not available: an account admin must enable the "access" system schema for this metastore.',
  SCHEMA_NOT_FOUND: 'system.access.audit is not available: an account admin must enable the "access" system schema for this metastore.',
} as const;
