// POST /api/grants/apply: one GRANT or REVOKE built from its parts, shown exactly (dryRun) and then run, every attempt
// in the action log with the statement. The browser never sends SQL text.
import 'server-only';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { InvalidIdentifierError } from '@/lib/databricks/identifiers';
import { upstreamError, upstreamReason, upstreamRequestId } from '@/lib/databricks/upstream';
import { DomainError, isDomainError } from '@/lib/errors';
import { redactText } from '@/lib/log';
import { securableTarget, type ApplyBody, type ApplyResponse } from '@/lib/grants/contract';
import { invalidateGrantsReads } from './read';
import { grantStatement, grantStatementSql } from './statements';

export async function applyGrantChange(ctx: ActionContext, body: ApplyBody): Promise<ApplyResponse> {
  const { dryRun = false, ...fix } = body;
  const action = `grants.${fix.action.toLowerCase()}`;
  const target = securableTarget(fix.securableType, fix.securable);
  const detail = { principal: fix.principal, privileges: fix.privileges };
  let sql: string;
  try {
    sql = grantStatementSql(fix);
  } catch (e) {
    // Refused before anything reached Databricks; still an attempt to act.
    if (!dryRun)
      await recordAction(ctx, action, target, 'failure', {
        ...detail,
        refused: isDomainError(e) || e instanceof InvalidIdentifierError ? e.message : 'invalid',
      });
    throw e;
  }
  if (dryRun) return { sql, requestId: ctx.requestId, dryRun: true };
  try {
    await ctx.ws.sql.query(grantStatement(fix));
    await recordAction(ctx, action, target, 'success', { ...detail, sql });
    return { sql, requestId: ctx.requestId, dryRun: false };
  } catch (e) {
    await recordAction(ctx, action, target, 'failure', { ...detail, sql, error: upstreamReason(e) }, upstreamRequestId(e));
    throw refusal(e, fix.principal) ?? e;
  } finally {
    invalidateGrantsReads(ctx.ws.host);
  }
}

/** Databricks' refusals that are about the request, in words; anything else keeps its upstream mapping. */
function refusal(e: unknown, principal: string): DomainError | null {
  const d = upstreamError(e);
  const said = redactText(d?.message.replace(/^\[[A-Z_.]+\]\s*/, '') ?? '');
  if (d?.errorCode === 'PRINCIPAL_DOES_NOT_EXIST')
    return new DomainError(
      'invalid',
      'PRINCIPAL_DOES_NOT_EXIST',
      `Databricks knows no user, group or service principal named ${principal}.`,
    );
  if (d?.errorCode === 'INVALID_PRIVILEGE' || d?.errorCode === 'PARSE_SYNTAX_ERROR')
    return new DomainError('invalid', d.errorCode, `Databricks did not accept the statement: ${said}`);
  if (d?.status === 404) return new DomainError('not_found', d.errorCode, `Databricks could not find it: ${said}`);
  return null;
}
