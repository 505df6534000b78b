import { route } from '@/lib/api/route';
import { healthQuerySchema } from '@/lib/overview/contract';
import { checkRest, checkSql } from '@/lib/overview/server/health';

// GET /api/overview/health?target=rest|sql — one connection check for the overview cards (never throws: a failure is data).
export const GET = route({ role: 'manager', query: healthQuerySchema }, async ({ query, workspace }) =>
  query.target === 'rest' ? checkRest(workspace) : checkSql(workspace),
);
