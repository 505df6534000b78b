import { route } from '@/lib/api/route';
import { scriptQuerySchema } from '@/lib/grants/contract';
import { GRANTS_UPSTREAM_MESSAGES } from '@/lib/grants/server/messages';
import { fixUpScript } from '@/lib/grants/server/script';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/grants/script?format=sql|terraform[&days&code&level] — the findings' fix-up as a download.
export const GET = route(
  { role: 'analyst', query: scriptQuerySchema, upstreamMessages: GRANTS_UPSTREAM_MESSAGES },
  async ({ workspace, query }) => {
    const script = await fixUpScript(workspace, query);
    return new Response(script.body, {
      headers: { 'Content-Type': script.contentType, 'Content-Disposition': `attachment; filename="${script.fileName}"` },
    });
  },
);
