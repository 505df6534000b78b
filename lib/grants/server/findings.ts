// GET /api/grants/findings: every direct grant judged by the rules that need no policy, by the policy file when one
// is configured, and against a year of lineage for SELECT and MODIFY with no recorded use. Two SQL statements (the
// grants, the lineage roll-up); a lineage that cannot be read becomes a "not collected" finding, never silence.
import 'server-only';
import { getConfig } from '@/lib/config';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import type { FindingView, FindingsResponse } from '@/lib/grants/contract';
import type { DirectGrant } from '@/lib/grants/rules/effective';
import { grantFindings, LEVEL_RANK, type GrantFinding } from '@/lib/grants/rules/findings';
import { policyDrift } from '@/lib/grants/rules/policy';
import { leafTypeOfTable, type SecurableType } from '@/lib/grants/rules/privileges';
import { lineageNotCollected, unusedGrantFindings, usageIndex, type UsageRow } from '@/lib/grants/rules/unused';
import { log } from '@/lib/log';
import { directGrantOf } from './access';
import { loadPolicy } from './policy-file';
import { ADMINS_GROUP, cachedGrantsRead, FINDINGS_READ, loadIndex, partialViewNotice } from './read';
import { DIRECT_GRANTS, LIST_SEP, listParam, USAGE } from './sql';
import { grantStatementSql } from './statements';

/** Lineage is read this far back (Databricks keeps a year), so an older last use can still be quoted. */
const LINEAGE_LOOKBACK_DAYS = 365;
const DAY_MS = 86_400_000;

export interface CollectedFindings {
  response: FindingsResponse;
  /** The direct grants as read: the Terraform export states each principal's full privilege list from them. */
  grants: DirectGrant[];
}

function withSql(f: GrantFinding): FindingView {
  let sql: string | null = null;
  if (f.fix) {
    try {
      sql = grantStatementSql(f.fix);
    } catch (e) {
      // A name no statement can carry (a backtick in a principal): the finding stands, without a statement.
      log.warn('grants.fix_not_expressible', { principal: f.fix.principal, securable: f.fix.securable, error: e });
    }
  }
  return { ...f, sql };
}

export interface FindingsOptions {
  now?: Date;
  /** The policy file; configuration's BRICKWATCH_GRANTS_POLICY when not given. */
  policyFile?: string | null;
}

export function collectFindings(ws: Workspace, days: number, opts: FindingsOptions = {}): Promise<CollectedFindings> {
  const now = opts.now ?? new Date();
  const policyFile = opts.policyFile === undefined ? getConfig().grants.policyFile : opts.policyFile;
  return cachedGrantsRead(ws, `grants.findings?days=${days}&policy=${policyFile ?? ''}`, FINDINGS_READ, async () => {
    const [index, policy] = await Promise.all([loadIndex(ws), loadPolicy(policyFile)]);
    const catalogs = policy.policy?.catalogs ?? [];
    const since = new Date(now.getTime() - LINEAGE_LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10);
    const [direct, usage] = await Promise.all([
      ws.sql.query(DIRECT_GRANTS, { catalogs: listParam(catalogs), sep: LIST_SEP }),
      ws.sql.query(USAGE, { since }).then(
        (r) => ({ ok: true as const, rows: r.rows }),
        (e: unknown) => ({ ok: false as const, reason: upstreamReason(e) }),
      ),
    ]);
    const grants: DirectGrant[] = [];
    const types = new Map<string, SecurableType>();
    for (const row of direct.rows) {
      if (row.row_kind === 'grant') {
        const g = directGrantOf(row);
        grants.push(row.level === 'TABLE' ? { ...g, type: leafTypeOfTable(row.table_type) } : g);
      } else types.set(row.name.toLowerCase(), row.level === 'TABLE' ? leafTypeOfTable(row.table_type) : row.level);
    }

    const findings: GrantFinding[] = grantFindings(grants, { index, adminGroup: ADMINS_GROUP, curated: policy.policy?.curated ?? [] });
    if (usage.ok) {
      const rows: UsageRow[] = usage.rows.map((r) => ({ user: r.user, securable: r.securable, how: r.how, last: r.last_used }));
      findings.push(...unusedGrantFindings(grants, usageIndex(rows), index, days, now));
    } else findings.push(lineageNotCollected(usage.reason));
    if (policy.policy)
      findings.push(...policyDrift(policy.policy, { grants, index, typeOf: (name) => types.get(name.toLowerCase()) ?? null }));

    findings.sort(
      (a, b) =>
        LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
        a.code.localeCompare(b.code) ||
        (a.securable ?? '').localeCompare(b.securable ?? '') ||
        (a.principal ?? '').localeCompare(b.principal ?? ''),
    );
    return {
      grants,
      response: {
        findings: findings.map(withSql),
        notices: partialViewNotice(ws, index, 'the grants made to you or your groups, and those on objects you own'),
        policy: {
          configured: policy.configured,
          file: policy.file,
          error: policy.error,
          principals: policy.policy?.principals.size ?? 0,
          catalogs,
        },
        lineage: { collected: usage.ok, days },
        readAt: Date.now(),
      },
    };
  });
}

export async function loadFindings(ws: Workspace, days: number, opts: FindingsOptions = {}): Promise<FindingsResponse> {
  return (await collectFindings(ws, days, opts)).response;
}
