import { route } from '@/lib/api/route';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { listReports } from '@/lib/reports/server/reports';
import { getDb } from '@/lib/store/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/reports — the archive of stored weekly reports, newest first, and how the schedule stands (manager+).
export const GET = route({ role: 'manager' }, async () => {
  const config = getConfig();
  return listReports(getDb(), config, getBackgroundWorkspace(config));
});
