// `npx tsx bench/simulator-audit.ts [--state-dir /tmp/sim-sql-bench-large] [--scale large] [--runs 5] [--reset]`:
// the simulator's SQL warehouse at scale, through the real @databricks/sql driver. Starts (and, the first time,
// seeds) a simulator in --state-dir, then times aggregates over system.access.audit — the 7-day hourly one (target
// < 1 s at 10 million rows) and a 90-day daily one — and raw row throughput. Prints a table; also reports to the
// bench runner when run under it. Not a test: nothing here fails on a slow machine.
import { readFileSync } from 'node:fs';
import { DBSQLClient } from '@databricks/sql';
import type IDBSQLSession from '@databricks/sql/dist/contracts/IDBSQLSession';
import { recordMetrics, type BenchMetric } from '../scripts/lib/bench-metrics';
import { startSimulator } from '../simulator/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] as string) : fallback;
};
const STATE_DIR = arg('state-dir', '/tmp/sim-sql-bench-large');
const SCALE = arg('scale', 'large') as 'demo' | 'large';
const RUNS = Number(arg('runs', '5'));

const QUERIES: Array<{ label: string; target?: number; sql: string }> = [
  {
    label: '7-day hourly aggregate', target: 1000,
    sql: `SELECT date_trunc('HOUR', event_time) AS hour, count(*) AS events, count_if(response.status_code >= 400) AS failures,
            count(DISTINCT user_identity.email) AS people
          FROM system.access.audit WHERE event_date >= date_sub(current_date(), 7) GROUP BY 1 ORDER BY 1`,
  },
  {
    label: '90-day daily aggregate',
    sql: `SELECT event_date AS day, service_name, count(*) AS events, count_if(response.status_code >= 400) AS failures
          FROM system.access.audit WHERE event_date >= date_sub(current_date(), 90) GROUP BY ALL ORDER BY 1, 2`,
  },
  {
    label: '7-day failed sign-ins by source IP',
    sql: `SELECT source_ip_address, count(*) AS attempts, count(DISTINCT request_params['user']) AS users, min(event_time) AS first_seen
          FROM system.access.audit WHERE event_date >= date_sub(current_date(), 7) AND service_name = 'accounts'
            AND action_name IN ('aadBrowserLogin', 'tokenLogin', 'login') AND response.status_code IN (401, 403)
          GROUP BY 1 HAVING count(*) > 20 ORDER BY attempts DESC`,
  },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const out = await fn();
  return [performance.now() - started, out];
}

async function fetchAll(session: IDBSQLSession, sql: string): Promise<object[]> {
  const op = await session.executeStatement(sql, { maxRows: 100_000 });
  const rows = await op.fetchAll();
  await op.close();
  return rows;
}

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const [startMs, sim] = await time(() =>
    startSimulator({ port: 0, host: '127.0.0.1', stateDir: STATE_DIR, scale: SCALE, seed: 42, reset, latencyMs: 0 }),
  );
  try {
    const client = await new DBSQLClient().connect({
      host: '127.0.0.1', port: sim.port, path: sim.workspace.warehouseHttpPath, token: sim.workspace.adminToken,
      customCaCert: readFileSync(sim.workspace.caCertPath),
    });
    const session = await client.openSession();
    const [, count] = await time(() => fetchAll(session, 'SELECT count(*) AS n FROM system.access.audit'));
    const total = Number((count[0] as { n: number }).n);
    const metrics: BenchMetric[] = [{ label: `simulator start (${SCALE}, seeding if the state was new)`, value: Math.round(startMs), unit: 'ms' }];
    for (const q of QUERIES) {
      console.log(`… ${q.label}`);
      await fetchAll(session, q.sql);
      const runs: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const [ms, out] = await time(() => fetchAll(session, q.sql));
        runs.push(ms);
        rows = out.length;
      }
      metrics.push({ label: `${q.label} over ${total.toLocaleString('en')} rows, median of ${RUNS} (${rows} result rows)`, value: Math.round(median(runs)), unit: 'ms', target: q.target });
    }
    console.log('… raw rows');
    const [ms, raw] = await time(() => fetchAll(session, 'SELECT * FROM system.access.audit WHERE event_date >= date_sub(current_date(), 2) LIMIT 200000'));
    metrics.push({ label: `raw rows through the driver (${raw.length} rows, all 17 columns)`, value: Math.round(raw.length / (ms / 1000)), unit: 'rows/s', lowerIsBetter: false });
    await session.close();
    await client.close();
    recordMetrics('simulator-audit', metrics);
    console.log(`\nsimulator-audit (${SCALE}, state ${STATE_DIR})`);
    for (const m of metrics) console.log(`  ${m.label}: ${m.value.toLocaleString('en')} ${m.unit}${m.target ? ` (target < ${m.target} ${m.unit})` : ''}`);
  } finally {
    await sim.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
