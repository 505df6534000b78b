import { route } from '@/lib/api/route';
import { hasRole } from '@/lib/roles';
import { downloadQuery, reportIdParams } from '@/lib/reports/contract';
import { reportCsv } from '@/lib/reports/rules/csv';
import { loadReport, withoutAuditLinks } from '@/lib/reports/server/reports';
import { getDb } from '@/lib/store/db';
import { recordReportOpen } from '@/lib/store/report-opens';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/reports/{id}[?format=json|csv] — one stored report; with a format, as a file to download (manager+).
export const GET = route({ role: 'manager', params: reportIdParams, query: downloadQuery }, async ({ params, query, user }) => {
  const stored = await loadReport(getDb(), params.id);
  // Read by a person: the weekly review is happening (posture's check 11).
  await recordReportOpen(getDb(), stored.id, user.userName);
  // Links lead into the Audit page, which only analysts and up may open.
  const report = hasRole(user.role, 'analyst') ? stored : withoutAuditLinks(stored);
  if (!query.format) return report;
  const name = `brickwatch-report-${report.week}-v${report.version}`;
  if (query.format === 'json') {
    return new Response(JSON.stringify(report, null, 2), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.json"` },
    });
  }
  return new Response(reportCsv(report), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` },
  });
});
