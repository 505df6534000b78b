import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { checkRest, checkSql } from '@/lib/overview/server/health';

// GET /api/ready — readiness as the signed-in person's identity sees it: both upstreams checked, 503 if either fails.
export const GET = route({ role: 'manager' }, async ({ workspace }) => {
  const [rest, sql] = await Promise.all([checkRest(workspace), checkSql(workspace)]);
  const ready = rest.ok && sql.ok;
  return NextResponse.json({ ready, rest, sql }, { status: ready ? 200 : 503 });
});
