// Masks and row filters applied by admins, each attempt in the action log with the exact statements. A mask uses a
// function in the configured schema named mask_<kind> (plus the group when that name already serves another group);
// an existing function that fits — same raw-value group, same type — is reused, never duplicated.
import 'server-only';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { getConfig } from '@/lib/config';
import { InvalidIdentifierError } from '@/lib/databricks/identifiers';
import { upstreamError, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { DomainError, isDomainError } from '@/lib/errors';
import {
  columnTarget,
  tableTarget,
  type ChangeResponse,
  type MaskBody,
  type MaskDeleteBody,
  type RowFilterBody,
  type RowFilterDeleteBody,
} from '@/lib/data-protection/contract';
import { detectColumn } from '@/lib/data-protection/rules/detect';
import { analyseMask } from '@/lib/data-protection/rules/mask-analysis';
import { FUNCTION_STEM, groupSlug } from '@/lib/data-protection/rules/mask-templates';
import { readMask } from '@/lib/data-protection/rules/views';
import { splitFullName } from '@/lib/grants/rules/privileges';
import { invalidateGrantsReads, loadIndex } from '@/lib/grants/server/read';
import { redactText } from '@/lib/log';
import { functionBodies } from './functions';
import { COLUMN_MASKS, COLUMN_TYPE, ROUTINES } from './sql';
import { changeStatement, createMaskFunctionSql, dropMaskSql, dropRowFilterSql, setMaskSql, setRowFilterSql } from './statements';

interface Planned {
  target: string;
  action: string;
  statements: Array<{ name: string; sql: string }>;
  detail: Record<string, unknown>;
  function?: { name: string; created: boolean };
}

const normaliseType = (t: string | null) => (t ?? '').toUpperCase().replace(/\s+/g, '');

/** Which function masks this column for this group, and whether it must be created first. */
async function planMask(ctx: ActionContext, body: MaskBody, maskSchema: string): Promise<Planned> {
  const { catalog, schema, object: table } = splitFullName(body.table);
  const [index, column, masks, routines] = await Promise.all([
    loadIndex(ctx.ws),
    ctx.ws.sql.query(COLUMN_TYPE, { catalog, schema: schema!, table: table!, column: body.column }),
    ctx.ws.sql.query(COLUMN_MASKS),
    ctx.ws.sql.query(ROUTINES),
  ]);
  const col = column.rows[0];
  if (!col)
    throw new DomainError('not_found', 'COLUMN_NOT_FOUND', `There is no column ${body.column} in ${body.table}, or it cannot be seen.`);
  const existing = masks.rows
    .map(readMask)
    .find((m) => m && m.table.toLowerCase() === body.table.toLowerCase() && m.column.toLowerCase() === col.column_name.toLowerCase());
  if (existing) {
    throw new DomainError(
      'refused',
      'ALREADY_MASKED',
      `${body.table}.${col.column_name} is already masked by ${existing.function}; remove that mask first.`,
    );
  }
  const group = index.resolve(body.allowedGroup);
  if (group.kind !== 'group')
    throw new DomainError('invalid', 'NOT_A_GROUP', `There is no group named ${body.allowedGroup} in this workspace.`);
  const type = normaliseType(col.full_data_type);
  const kind = detectColumn(col.column_name, type)?.kind ?? 'tagged';
  const stem = `mask_${FUNCTION_STEM[kind]}`;
  const plain = `${maskSchema}.${stem}`;
  const named = `${maskSchema}.${stem}_${groupSlug(group.name)}`;

  // Functions of this kind already in the schema, best name first.
  const inSchema = routines.rows.filter(
    (r) =>
      `${r.routine_catalog}.${r.routine_schema}`.toLowerCase() === maskSchema.toLowerCase() &&
      r.routine_name.toLowerCase().startsWith(stem),
  );
  const names = inSchema.map((r) => `${r.routine_catalog}.${r.routine_schema}.${r.routine_name}`);
  const order = (n: string) => (n.toLowerCase() === plain.toLowerCase() ? 0 : n.toLowerCase() === named.toLowerCase() ? 1 : 2);
  names.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const bodies = await functionBodies(ctx.ws, routines.rows, names);
  const fits = (name: string) => {
    const f = bodies.get(name.toLowerCase());
    const a = analyseMask(f?.body ?? null);
    return (
      a.kind === 'known' &&
      a.rawFor === 'members' &&
      a.users.length === 0 &&
      a.groups.length === 1 &&
      a.groups[0]!.toLowerCase() === group.name.toLowerCase() &&
      normaliseType(f?.returnType ?? null) === type
    );
  };
  const exists = (name: string) => names.some((n) => n.toLowerCase() === name.toLowerCase());
  const reuse = names.find(fits);
  let fn: string;
  let created = false;
  if (reuse) fn = reuse;
  else if (!exists(plain)) [fn, created] = [plain, true];
  else if (!exists(named)) [fn, created] = [named, true];
  else {
    throw new DomainError(
      'conflict',
      'FUNCTION_NAME_TAKEN',
      `${named} exists but does not show raw values to ${group.name} alone (or returns another type); rename or fix it, then try again.`,
    );
  }
  const statements = [
    ...(created ? [{ name: 'data_protection.create_mask_function', sql: createMaskFunctionSql(fn, kind, type, group.name) }] : []),
    { name: 'data_protection.set_mask', sql: setMaskSql(body.table, col.column_name, fn) },
  ];
  return {
    target: columnTarget(body.table, col.column_name),
    action: 'data-protection.mask',
    statements,
    detail: { function: fn, created, allowedGroup: group.name, kind },
    function: { name: fn, created },
  };
}

/** Runs the statements in order; the first failure stops the rest. Every attempt is one action-log entry. */
async function execute(ctx: ActionContext, plan: Planned, dryRun: boolean): Promise<ChangeResponse> {
  const sql = plan.statements.map((s) => s.sql);
  const response = { sql, requestId: ctx.requestId, dryRun, ...(plan.function ? { function: plan.function } : {}) };
  if (dryRun) return response;
  let done = 0;
  try {
    for (const s of plan.statements) {
      await ctx.ws.sql.query(changeStatement(s.name, s.sql));
      done++;
    }
    await recordAction(ctx, plan.action, plan.target, 'success', { ...plan.detail, sql });
    return response;
  } catch (e) {
    await recordAction(
      ctx,
      plan.action,
      plan.target,
      'failure',
      { ...plan.detail, sql, ran: done, error: upstreamReason(e) },
      upstreamRequestId(e),
    );
    const d = upstreamError(e);
    if (d && d.status === 404)
      throw new DomainError(
        'not_found',
        d.errorCode,
        `Databricks could not find it: ${redactText(d.message.replace(/^\[[A-Z_.]+\]\s*/, ''))}`,
      );
    if (d && d.status >= 500 && d.status < 600 && /^(PARSE_SYNTAX_ERROR|INVALID|DATATYPE|UNRESOLVED)/.test(d.errorCode))
      throw new DomainError(
        'invalid',
        d.errorCode,
        `Databricks did not accept the statement: ${redactText(d.message.replace(/^\[[A-Z_.]+\]\s*/, ''))}`,
      );
    throw e;
  } finally {
    if (!dryRun) invalidateGrantsReads(ctx.ws.host);
  }
}

/** A plan that cannot be made (bad name, unknown column) is still an attempt to act, unless it was a dry run. */
async function attempt(
  ctx: ActionContext,
  action: string,
  target: string,
  dryRun: boolean,
  plan: () => Promise<Planned>,
): Promise<ChangeResponse> {
  let planned: Planned;
  try {
    planned = await plan();
  } catch (e) {
    if (!dryRun) {
      const refused = isDomainError(e) || e instanceof InvalidIdentifierError ? e.message : upstreamReason(e);
      await recordAction(ctx, action, target, 'failure', { refused }, upstreamRequestId(e));
    }
    throw e;
  }
  return execute(ctx, planned, dryRun);
}

export function maskColumn(ctx: ActionContext, body: MaskBody, maskSchema = getConfig().grants.maskSchema): Promise<ChangeResponse> {
  return attempt(ctx, 'data-protection.mask', columnTarget(body.table, body.column), body.dryRun ?? false, () =>
    planMask(ctx, body, maskSchema),
  );
}

export function unmaskColumn(ctx: ActionContext, body: MaskDeleteBody): Promise<ChangeResponse> {
  return attempt(ctx, 'data-protection.unmask', columnTarget(body.table, body.column), body.dryRun ?? false, async () => ({
    target: columnTarget(body.table, body.column),
    action: 'data-protection.unmask',
    statements: [{ name: 'data_protection.drop_mask', sql: dropMaskSql(body.table, body.column) }],
    detail: {},
  }));
}

export function setRowFilter(ctx: ActionContext, body: RowFilterBody): Promise<ChangeResponse> {
  return attempt(ctx, 'data-protection.row-filter.set', tableTarget(body.table), body.dryRun ?? false, async () => ({
    target: tableTarget(body.table),
    action: 'data-protection.row-filter.set',
    statements: [{ name: 'data_protection.set_row_filter', sql: setRowFilterSql(body.table, body.function, body.columns) }],
    detail: { function: body.function, columns: body.columns },
  }));
}

export function dropRowFilter(ctx: ActionContext, body: RowFilterDeleteBody): Promise<ChangeResponse> {
  return attempt(ctx, 'data-protection.row-filter.drop', tableTarget(body.table), body.dryRun ?? false, async () => ({
    target: tableTarget(body.table),
    action: 'data-protection.row-filter.drop',
    statements: [{ name: 'data_protection.drop_row_filter', sql: dropRowFilterSql(body.table) }],
    detail: {},
  }));
}
