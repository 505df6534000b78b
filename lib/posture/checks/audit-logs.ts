// Check 12: the audit log is reachable (`system.access.audit` can be read by this identity) and verbose audit logging
// has been considered: it is on, or an admin accepted it being off with a reason (an exception on its evidence item).
import 'server-only';
import { z } from 'zod';
import { defineQuery } from '@/lib/databricks/sql-client';
import { upstreamReason } from '@/lib/databricks/upstream';
import { cachedRead } from '@/lib/read-cache';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, workspaceUrl, type CheckContext, type JudgeEnv } from './define';

const WINDOW_DAYS = 7;

/** Aggregated in the warehouse: one row whatever the table's size; event_date prunes partitions. */
export const AUDIT_REACH_QUERY = defineQuery({
  name: 'posture.audit_reach',
  sql: `SELECT max(event_time) AS latest, count(*) AS events
FROM system.access.audit
WHERE event_date >= CAST(:from_date AS DATE)`,
  row: z.object({
    latest: z.coerce
      .date()
      .nullable()
      .transform((d) => d?.getTime() ?? null),
    events: z.coerce.number(),
  }),
  maxRows: 1,
  timeoutSeconds: 20,
});

export interface AuditLogsInput {
  /** Newest event of the window (epoch ms), null when there was none. */
  latest: number | null;
  events: number;
  /** Raw enableVerboseAuditLogs; undefined when workspace-conf could not be read. */
  verbose: string | null | undefined;
  verboseError: string | null;
}

const ADVANCED = '/settings/workspace/advanced';

export const auditLogsMeta: CheckMeta = {
  id: 'audit-logs',
  number: 12,
  title: 'Audit logs are reachable, and verbose audit logging is considered',
  category: 'Monitoring',
  severity: 'high',
  reads: [
    {
      what: `The audit log system table over the last ${WINDOW_DAYS} days (system.access.audit)`,
      permission: 'USE CATALOG on system, USE SCHEMA on system.access and SELECT on system.access.audit',
    },
    { what: 'Whether verbose audit logging is on (workspace-conf enableVerboseAuditLogs)', permission: 'Workspace admin' },
  ],
  judges:
    'Not collected when the audit table cannot be read. Fails when verbose audit logging (the text of notebook commands and SQL queries) is off, unless an admin accepted that with a reason.',
  fix: {
    text: 'Turn on verbose audit logs (admin settings → Advanced → Verbose Audit Logs), or accept this finding with the reason it stays off.',
    label: 'Open advanced workspace settings',
    href: ADVANCED,
    external: true,
  },
};

export const AUDIT_REACH_READ = { key: 'posture.audit-reach', ttlMs: 300_000 };

export async function auditLogsInput(ctx: CheckContext): Promise<AuditLogsInput> {
  const from = new Date(ctx.now - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [reach, conf] = await Promise.all([
    // A failed read of the table fails the whole check (not collected), with the warehouse's reason.
    cachedRead(ctx.ws, AUDIT_REACH_READ.key, AUDIT_REACH_READ, () => ctx.ws.sql.query(AUDIT_REACH_QUERY, { from_date: from })),
    ctx.shared.conf().then(
      (c) => ({ value: c.enableVerboseAuditLogs, error: null }),
      (e: unknown) => ({ value: undefined, error: upstreamReason(e) }),
    ),
  ]);
  const row = reach.rows[0];
  return { latest: row?.latest ?? null, events: row?.events ?? 0, verbose: conf.value, verboseError: conf.error };
}

export function judgeAuditLogs(input: AuditLogsInput, { host }: JudgeEnv) {
  const items: Evidence[] = [];
  const gaps: Gap[] = [];
  if (input.verbose === undefined) {
    gaps.push({
      text: `Whether verbose audit logging is on could not be read (${input.verboseError})`,
      needs: 'Workspace admin (workspace-conf)',
    });
  } else if (input.verbose?.trim().toLowerCase() !== 'true') {
    items.push(
      evidence(
        'setting:enableVerboseAuditLogs',
        'Verbose audit logging',
        'Off: the text of notebook commands and SQL queries is not recorded. Turn it on, or accept this with the reason it stays off.',
        workspaceUrl(host, ADVANCED),
      ),
    );
  }
  const latest =
    input.latest === null ? 'no events' : `latest event ${new Date(input.latest).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return verdictFrom({
    evidence: items,
    gaps,
    passReason: `system.access.audit is readable (${plural(input.events, 'event')} in ${WINDOW_DAYS} days, ${latest}) and verbose audit logging is on.`,
    failReason: () => `system.access.audit is readable (${latest}), but verbose audit logging is off.`,
  });
}

export const auditLogsCheck = defineCheck(auditLogsMeta, auditLogsInput, judgeAuditLogs);
