import { z } from 'zod';
import { route } from '@/lib/api/route';
import { checkRest, checkSql } from '@/lib/overview/server/health';

const Query = z.object({ target: z.enum(['rest', 'sql'], { error: 'must be "rest" or "sql"' }) });

// GET /api/overview/health?target=rest|sql — one connection check for the overview cards (never throws: a failure is data).
export const GET = route({ role: 'manager', query: Query }, async ({ query, workspace }) =>
  query.target === 'rest' ? checkRest(workspace) : checkSql(workspace),
);
