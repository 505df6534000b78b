import { route } from '@/lib/api/route';
import { statusView } from '@/lib/code-scan/server/views';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/store/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/code-scan/status — the running scan with its progress, the newest finished and completed ones, the schedule.
// Polled while a scan runs; read from the store, so it costs no Databricks call.
export const GET = route({ role: 'analyst' }, async () => statusView(getDb(), getConfig()));
