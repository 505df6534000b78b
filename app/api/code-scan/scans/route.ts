import { route } from '@/lib/api/route';
import { startScanBody } from '@/lib/code-scan/contract';
import { startScanAction } from '@/lib/code-scan/server/actions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/code-scan/scans — start a scan in the background (incremental or full); answers at once with the run.
export const POST = route(
  {
    role: 'analyst',
    action: 'code-scan.start',
    body: startScanBody,
    upstreamMessages: { PERMISSION_DENIED: 'Databricks refused to list the workspace for this identity.' },
  },
  async ({ workspace, user, requestId, body }) => ({ run: await startScanAction({ ws: workspace, person: user, requestId }, body) }),
);
