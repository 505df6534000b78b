// Which tokens look shared: successful PAT sign-ins (`accounts.tokenLogin`, request_params.tokenId = token_id)
// per token over the last 30 days, counted by distinct source IP and distinct client program, aggregated and
// thresholded in the warehouse so only the suspicious few come back to Node.
import 'server-only';
import { z } from 'zod';
import { isoDay, TOKEN_RISK_THRESHOLDS } from '@/lib/tokens/rules/risk';
import { DAY_MS, type TokenUsage } from '@/lib/tokens/rules/types';
import { defineQuery, type SqlClient } from '@/lib/databricks/sql-client';

/** Internal calls carry no useful address; an IPv4 address may carry ':port' (API reference §12.1). */
const SOURCE_IP = `CASE
      WHEN source_ip_address IS NULL OR source_ip_address IN ('', '0.0.0.0', '127.0.0.1') THEN NULL
      WHEN source_ip_address LIKE '%.%:%' THEN split_part(source_ip_address, ':', 1)
      ELSE source_ip_address
    END`;
/** The client program, without its version: 'databricks-cli/0.18 python/3.11' → 'databricks-cli'. */
const CLIENT = `CASE WHEN user_agent IS NULL OR trim(user_agent) = '' THEN NULL ELSE lower(split_part(trim(user_agent), '/', 1)) END`;

const MAX_ROWS = 25_000;

export const TOKEN_USAGE_QUERY = defineQuery({
  name: 'tokens.usage_by_source',
  sql: `SELECT token_id, distinct_ips, distinct_clients
FROM (
  SELECT request_params['tokenId'] AS token_id,
    count(DISTINCT ${SOURCE_IP}) AS distinct_ips,
    count(DISTINCT ${CLIENT}) AS distinct_clients
  FROM system.access.audit
  WHERE event_date >= CAST(:from_date AS DATE)
    AND event_time >= :from_time
    AND service_name = 'accounts'
    AND action_name = 'tokenLogin'
    AND response.status_code < 400
    AND request_params['tokenId'] IS NOT NULL
  GROUP BY request_params['tokenId']
) AS usage
WHERE distinct_ips >= :min_ips OR distinct_clients >= :min_clients
ORDER BY distinct_ips DESC, token_id
LIMIT ${MAX_ROWS}`,
  row: z.object({ token_id: z.string(), distinct_ips: z.coerce.number(), distinct_clients: z.coerce.number() }),
  maxRows: MAX_ROWS,
  timeoutSeconds: 30,
});

export function tokenUsageParams(now: number) {
  const from = new Date(now - TOKEN_RISK_THRESHOLDS.usageWindowDays * DAY_MS);
  return {
    from_date: isoDay(from.getTime()),
    from_time: from,
    min_ips: TOKEN_RISK_THRESHOLDS.sharedMinIps,
    min_clients: TOKEN_RISK_THRESHOLDS.sharedMinClients,
  };
}

/** Tokens at or over a sharing threshold in the usage window; a token absent from the map was not. */
export async function loadSharedTokenUsage(sql: SqlClient, now: number, signal?: AbortSignal): Promise<Map<string, TokenUsage>> {
  const result = await sql.query(TOKEN_USAGE_QUERY, tokenUsageParams(now), signal);
  return new Map(result.rows.map((r) => [r.token_id, { distinctIps: r.distinct_ips, distinctClients: r.distinct_clients }]));
}
