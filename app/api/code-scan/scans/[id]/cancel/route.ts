import { route } from '@/lib/api/route';
import { scanIdParams } from '@/lib/code-scan/contract';
import { cancelScanAction } from '@/lib/code-scan/server/actions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// POST /api/code-scan/scans/{id}/cancel — stop a running scan; what it already read is kept.
export const POST = route(
  { role: 'admin', action: 'code-scan.cancel', params: scanIdParams },
  async ({ workspace, user, requestId, params }) => ({
    run: await cancelScanAction({ ws: workspace, person: user, requestId }, params.id),
  }),
);
