import { route } from '@/lib/api/route';
import { refreshAll, wantsFresh } from '@/lib/secrets/server/cache';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';
import { loadPlainCredentials } from '@/lib/secrets/server/plain';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/secrets/plain-credentials — cluster and job settings that look like credentials but are not secret
// references: where each sits, its name and why, never its value.
export const GET = route({ role: 'analyst', upstreamMessages: SECRETS_MESSAGES.plain }, async ({ workspace, request }) => {
  if (wantsFresh(request.headers)) refreshAll(workspace);
  return loadPlainCredentials(workspace);
});
