// GET /api/health — liveness for load balancers and Databricks Apps: no auth, no details, no upstream calls.
export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
