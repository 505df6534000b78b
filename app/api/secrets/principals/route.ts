import { route } from '@/lib/api/route';
import { principalsQuery } from '@/lib/secrets/contract';
import { SECRETS_MESSAGES } from '@/lib/secrets/server/messages';
import { searchPrincipals } from '@/lib/secrets/server/principals';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// GET /api/secrets/principals?q= — active people, groups and service principals for the ACL dialog's picker.
export const GET = route(
  { role: 'admin', query: principalsQuery, upstreamMessages: SECRETS_MESSAGES.principals },
  async ({ workspace, query }) => searchPrincipals(workspace, query.q),
);
