import { route } from '@/lib/api/route';
import { recordAction } from '@/lib/activity/server/record';
import { AUDIT_UPSTREAM_MESSAGES } from '@/lib/audit/server/sql';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { isDomainError } from '@/lib/errors';
import { generateBody, noQuery } from '@/lib/reports/contract';
import { createReport, defaultWeek, loadReport, ownIdentity, reportSettings } from '@/lib/reports/server/reports';
import { getDb } from '@/lib/store/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/reports/weekly — generate a report now, as the admin, for { week } (default: the last complete week); a
// week that already has reports gets a new version beside them (admin).
export const POST = route(
  { role: 'admin', action: 'reports.generate', body: generateBody, query: noQuery, upstreamMessages: AUDIT_UPSTREAM_MESSAGES },
  async ({ workspace, user, requestId, body }) => {
    const config = getConfig();
    const settings = reportSettings(config);
    const week = body.week ?? defaultWeek(settings);
    const ctx = { ws: workspace, person: user, requestId };
    const db = getDb();
    try {
      const own = await ownIdentity(config, getBackgroundWorkspace(config));
      const created = await createReport(db, workspace, settings, {
        week,
        trigger: 'on_demand',
        generatedBy: user.userName,
        ownIdentity: own,
      });
      if (!created.stored) throw new Error('an on-demand report is always stored');
      const missing = created.report.figures.filter((f) => f.status === 'missing').length;
      await recordAction(ctx, 'reports.generate', `report-week:${week}`, 'success', {
        report: created.report.id,
        version: created.version,
        missing,
      });
      return loadReport(db, created.report.id);
    } catch (e) {
      const reason = isDomainError(e) ? e.message : 'the report could not be generated';
      await recordAction(ctx, 'reports.generate', `report-week:${week}`, 'failure', { error: reason });
      throw e;
    }
  },
);
