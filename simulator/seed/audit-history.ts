// Seeds 90 days of system.access.audit consistent with the Estate: PAT use per token ('shared' tokens from many
// places in the last 30 days, 'unused' ones silent, revoked ones stopping — and failing — after revocation), sign-ins
// and their failures, attacker bursts (some in the last week, one in the last 24 h), permission, token, secret and
// configuration changes, and everyday noise. Generated inside DuckDB a day (or, at demo scale, a few days) at a
// time, oldest first; large scale writes 10 million rows this way.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Estate, SeedOptions } from '../core/contract';
import type { SimDb } from '../core/db';
import { insertAuditJson } from '../audit/json-rows';
import { AUDIT_TABLE, CREATE_AUDIT_TABLE } from '../audit/schema';
import { history } from './audit-history-parts';
import { lifetimes, noiseLists, securableTimes } from './audit-history-inputs';
import { chunkSql, list, numbers } from './audit-history-sql';
import { discreteEvents } from './audit-history-events';
import { DAY_MS, Rng } from './random';

const DAYS = 90;

/** Midnight (UTC) of the history's first day: everyday events, logins and token uses start there. */
export const historyStart = (now: number) => Math.floor((now - (DAYS - 1) * DAY_MS) / DAY_MS) * DAY_MS;
const TARGET_EVENTS = { demo: 120_000, large: 10_200_000 } as const;
/** Days per INSERT: small chunks keep each row group to a day or two (see audit-history-sql.ts). */
const CHUNK_ROWS = 150_000;
const CLOUD_IPS = ['20.42.65.91', '20.62.134.12', '40.117.88.3', '52.167.40.180', '13.68.17.201', '20.85.22.64'];
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
];
const CLIENTS = [
  'databricks-cli/0.230.0',
  'Databricks-JDBC/2.6.36',
  'PowerBI/2.137 (Databricks ODBC)',
  'Tableau/2024.2',
  'databricks-sql-python/3.4.0',
  'dbt-databricks/1.8.5',
  'VSCode-Databricks/2.4.0',
  'NodejsDatabricksSqlConnector/2.1.0',
];
const AUTOMATION = [
  'Databricks-Jobs-Service',
  'databricks-sdk-py/0.38.0',
  'Fivetran/1.0',
  'dbt-databricks/1.8.5',
  'Airflow/2.9.1 databricks-provider/6.5.0',
];
const ATTACK_AGENTS = ['python-requests/2.31.0', 'curl/8.4.0', 'Go-http-client/1.1', 'Mozilla/5.0 (compatible; Nmap Scripting Engine)'];
const FAKE_USERS = [
  'admin',
  'administrator',
  'root',
  'test@harborpine.com',
  'svc-backup@harborpine.com',
  'it-support@harborpine.com',
  'info@harborpine.com',
];

async function loadTable(
  c: DuckDBConnection,
  name: string,
  shape: Record<string, string>,
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  await c.run(
    `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT unnest(r) FROM (SELECT unnest(json_transform(CAST($1 AS JSON), '${JSON.stringify([shape])}')) AS r)`,
    [JSON.stringify(rows)],
  );
}

/**
 * PAT use per token, from the Estate's lifecycle: uses run from the token's creation (or the window's start; for
 * shared tokens the last 30 days) up to its last use exactly, whose day is the token's last_used_day; tokens last used
 * before the window are silent in it. Creation and revocation events name the token by tokenHash = token_id, as the
 * live simulator does, so that creation, use and revocation link up.
 */
export function tokenSchedule(estate: Estate, opts: SeedOptions, rng: Rng) {
  const now = opts.now.getTime();
  const start = now - DAYS * DAY_MS;
  const sps = new Set(estate.servicePrincipals.map((s) => s.applicationId));
  let expected = 0;
  const rows = estate.tokens.map((t, idx) => {
    const isSp = sps.has(t.ownerName);
    const last = t.lastUsedTime !== null && t.lastUsedTime > start ? t.lastUsedTime : 0;
    const from = last ? Math.max(t.creationTime, start, t.usage === 'shared' ? now - 30 * DAY_MS : start) : 0;
    const to = last;
    const rate = t.usage === 'shared' ? rng.int(20, 40) : isSp ? rng.int(6, 20) : rng.int(1, 4);
    if (to > from) expected += rate * Math.ceil((to - from) / DAY_MS);
    return {
      idx,
      token_id: t.tokenId,
      owner: t.ownerName,
      created_by: t.createdByName,
      revoked_by: t.revokedBy ?? t.ownerName,
      token_hash: t.tokenId,
      created: t.creationTime,
      expiry: t.expiryTime,
      revoked: t.revokedTime,
      use_from: from,
      use_to: Math.max(from, to),
      last_use: last,
      rate,
      shared: t.usage === 'shared',
      ip: isSp ? rng.pick(CLOUD_IPS) : rng.pick(estate.ips.office),
      ua: isSp ? rng.pick(AUTOMATION) : rng.pick(CLIENTS),
    };
  });
  return { rows, expected };
}

export function bursts(estate: Estate, opts: SeedOptions, rng: Rng) {
  const big = opts.scale === 'large' ? 4 : 1;
  const days = [rng.int(50, 85), rng.int(30, 49), rng.int(10, 25), rng.int(3, 6), rng.int(1, 2), 0];
  return days.map((d, idx) => ({
    idx,
    d,
    start_f: d === 0 ? 0.1 + 0.5 * rng.next() : 0.05 + 0.8 * rng.next(),
    dur_f: rng.int(15, 45) / 1440,
    attempts: rng.int(150, 400) * big,
    ip: estate.ips.attackers[idx % estate.ips.attackers.length] ?? '185.220.101.34',
    ua: rng.pick(ATTACK_AGENTS),
    action: rng.pick(['aadBrowserLogin', 'tokenLogin', 'login']),
  }));
}

export async function seedAuditHistory(db: SimDb, estate: Estate, opts: SeedOptions): Promise<void> {
  await db.run(CREATE_AUDIT_TABLE);
  const rng = new Rng(opts.seed ^ 0xa0d17);
  const now = opts.now.getTime();
  const ids = { accountId: estate.accountId, workspaceId: estate.workspaceId };
  const grants = (
    await db
      .all<{ t: string; f: string; p: string; v: string }>(
        "SELECT securable_type AS t, securable_full_name AS f, principal AS p, privilege AS v FROM uc_meta.grants WHERE securable_full_name NOT LIKE 'system%' ORDER BY ALL",
      )
      .catch(() => [])
  ).map((g) => [g.t, g.f, g.p, g.v] as [string, string, string, string]);

  const { people, sps } = lifetimes(estate, CLOUD_IPS);
  const noise = await noiseLists(db, estate);
  const tokens = tokenSchedule(estate, opts, rng);
  const attacks = bursts(estate, opts, rng);
  const events = discreteEvents({ estate, opts, grants, securables: await securableTimes(db) });
  const sharedIps = [
    ...estate.ips.office,
    ...Array.from(
      { length: 24 },
      () => `${rng.pick(['73', '98', '174', '24', '68'])}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`,
    ),
  ];

  // Everyday noise fills the volume up to the target, weighted to weekdays.
  const days = Array.from({ length: DAYS }, (_, k) => {
    const d = DAYS - 1 - k;
    const start = Math.floor((now - d * DAY_MS) / DAY_MS) * DAY_MS;
    const weekday = new Date(start).getUTCDay() % 6 !== 0;
    const end = d === 0 ? Math.max(start + 60_000, now) : start + DAY_MS;
    return {
      d,
      date: new Date(start).toISOString().slice(0, 10),
      ts0: new Date(start).toISOString().slice(0, 19),
      start_ms: start,
      end_ms: end,
      span_ms: end - start,
      login_share: weekday ? 0.85 : 0.08,
      weight: (weekday ? 1 : 0.3) * ((end - start) / DAY_MS),
      noise: 0,
    };
  });
  const activePeople = people.filter((p) => p.left === null).length;
  const others =
    tokens.expected +
    events.length +
    attacks.reduce((s, b) => s + b.attempts, 0) +
    sps.filter((s) => s.left === null).length * 24 * DAYS +
    days.reduce((s, x) => s + activePeople * x.login_share * 1.03, 0);
  const noiseEvents = Math.max(TARGET_EVENTS[opts.scale] - others, DAYS * 200);
  const totalWeight = days.reduce((s, x) => s + x.weight, 0);
  for (const x of days) x.noise = Math.round((noiseEvents * x.weight) / totalWeight);
  const perDay = TARGET_EVENTS[opts.scale] / DAYS;
  const chunkDays = Math.max(1, Math.min(Math.ceil(DAYS / 2), Math.floor(CHUNK_ROWS / perDay)));

  const lists: Record<string, readonly string[]> = {
    office: estate.ips.office,
    cloud_ips: CLOUD_IPS,
    shared_ips: sharedIps,
    browsers: BROWSERS,
    clients: CLIENTS,
    automation: AUTOMATION,
    fakes: FAKE_USERS,
    ...noise.strings,
  };
  const warehouse = rng.hex(16);
  // An empty list keeps a modulus of 1: its picks are NULL, born NULL, and no template using it is ever eligible.
  const sizes = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, Math.max(1, v.length)]));
  const { templates, parts } = history(opts.seed, estate.workspaceId, sizes, opts.scale === 'large' ? 20_000 : 2_000);
  const chunks: Array<[number, number]> = [];
  for (let hi = DAYS - 1; hi >= 0; hi -= chunkDays) chunks.push([Math.max(0, hi - chunkDays + 1), hi]);

  // Two connections, each with its own copy of the inputs (temp tables and variables are per connection), insert
  // alternate chunks concurrently: one generator statement keeps only one core busy.
  const worker = (k: number) =>
    db.withConnection(async (c) => {
      await loadTable(c, 'ah_people', { idx: 'BIGINT', name: 'VARCHAR', joined: 'BIGINT', left: 'BIGINT' }, people);
      await loadTable(c, 'ah_sps', { idx: 'BIGINT', app_id: 'VARCHAR', ip: 'VARCHAR', joined: 'BIGINT', left: 'BIGINT' }, sps);
      await loadTable(
        c,
        'ah_tokens',
        {
          idx: 'BIGINT',
          token_id: 'VARCHAR',
          owner: 'VARCHAR',
          created_by: 'VARCHAR',
          revoked_by: 'VARCHAR',
          token_hash: 'VARCHAR',
          created: 'BIGINT',
          expiry: 'BIGINT',
          revoked: 'BIGINT',
          use_from: 'BIGINT',
          use_to: 'BIGINT',
          last_use: 'BIGINT',
          rate: 'BIGINT',
          shared: 'BOOLEAN',
          ip: 'VARCHAR',
          ua: 'VARCHAR',
        },
        tokens.rows,
      );
      await loadTable(
        c,
        'ah_days',
        {
          d: 'BIGINT',
          date: 'DATE',
          ts0: 'TIMESTAMP',
          start_ms: 'BIGINT',
          end_ms: 'BIGINT',
          span_ms: 'BIGINT',
          login_share: 'DOUBLE',
          noise: 'BIGINT',
        },
        days,
      );
      await loadTable(
        c,
        'ah_bursts',
        {
          idx: 'BIGINT',
          d: 'BIGINT',
          start_f: 'DOUBLE',
          dur_f: 'DOUBLE',
          attempts: 'BIGINT',
          ip: 'VARCHAR',
          ua: 'VARCHAR',
          action: 'VARCHAR',
        },
        attacks,
      );
      for (const [name, values] of Object.entries(lists)) await c.run(`SET VARIABLE ah_${name} = ${list(values)}`);
      for (const [name, values] of Object.entries(noise.born)) await c.run(`SET VARIABLE ah_${name}_born = ${numbers(values)}`);
      await c.run(`SET VARIABLE ah_warehouse = '${warehouse}'`);
      await c.run(`CREATE OR REPLACE TEMP TABLE ah_js AS SELECT * FROM ${AUDIT_TABLE} LIMIT 0`);
      await insertAuditJson(c, events, ids, 'ah_js');
      for (const t of templates) await c.run(t.sql);
      for (const [i, range] of chunks.entries())
        if (i % 2 === k) await c.run(chunkSql(parts, { seed: opts.seed, ...ids }, range, AUDIT_TABLE));
      const temp = ['ah_people', 'ah_sps', 'ah_tokens', 'ah_bursts', 'ah_days', 'ah_js', ...templates.map((t) => t.name)];
      await c.run(temp.map((t) => `DROP TABLE ${t};`).join('\n'));
    });
  await Promise.all([worker(0), worker(1)]);
}
