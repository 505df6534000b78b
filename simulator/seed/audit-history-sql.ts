// SQL for seeded audit history. Every generator ("part") yields full system.access.audit rows for a range of
// days: its FROM clause joins `ah_days dd` (one row per day: d, ts0, start_ms, end_ms, span_ms, volumes). Days are
// inserted oldest first, one INSERT per day, so every row group holds one or two days and zone maps prune
// `event_date` filters; rows are not sorted within a day (sorting 10 million wide rows would dominate the seed).
// Randomness is hash(row key, salt, seed, day): deterministic for a seed.

export interface Part {
  /** FROM clause; must bind `dd` (the day). */
  from: string;
  where?: string;
  /** Unique key of a row within this part and day. */
  key: string;
  /** Fraction in [0, 1) of the day's elapsed span. */
  at: string;
  ip: string;
  ua: string;
  email: string;
  service: string;
  action: string;
  /** MAP(VARCHAR, VARCHAR) expression. */
  params: string;
  status?: string;
  error?: string;
}

export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** The lists the generators draw from are connection variables: constant-folded, so picking from them is cheap
 *  (a list column of a cross-joined table would be copied into every row). */
export const ctx = (name: string) => `getvariable('ah_${name}')`;
export const list = (xs: readonly string[]) => `[${xs.map(q).join(', ')}]::VARCHAR[]`;
export const numbers = (xs: readonly number[]) => `[${xs.map((x) => Math.round(x)).join(', ')}]::BIGINT[]`;

/** `sizes` are the lengths of the ctx lists: a literal modulus keeps `hash % n` an integer operation (a
 *  `len(getvariable(…))` modulus made each pick about 20 times slower). */
export function helpers(seed: number, sizes: Readonly<Record<string, number>> = {}) {
  const h = (key: string, salt: string) => `hash(${key}, ${q(salt)}, ${seed}, dd.d)`;
  return {
    h,
    /** Uniform in [0, 1). */
    u: (key: string, salt: string) => `((${h(key, salt)} % 1000003) / 1000003.0)`,
    /** Integer in [0, n). */
    n: (key: string, salt: string, n: string | number) => `CAST(${h(key, salt)} % ${n} AS BIGINT)`,
    /** An element of a ctx list. */
    pick: (key: string, salt: string, name: string) => `${ctx(name)}[1 + CAST(${h(key, salt)} % ${sizes[name] ?? 1} AS BIGINT)]`,
  };
}

/** Working-hours shaped time of day (peak around 16:00 UTC, i.e. morning on the US east coast). */
export const diurnal = (f: string) => `(${f} - 0.13 * (sin(2 * pi() * (${f} - 0.62)) + sin(2 * pi() * 0.62)))`;

export function partSql(
  p: Part,
  salt: string,
  ids: { seed: number; accountId: string; workspaceId: string },
  days: [number, number],
): string {
  const { h } = helpers(ids.seed);
  const ts = `(dd.ts0 + to_microseconds(CAST(least(greatest(${p.at}, 0.0), 0.999999) * dd.span_ms * 1000 AS BIGINT)))`;
  const id = `printf('%08x-%04x-4%03x-%04x-%012x', h1 >> 32, (h1 >> 16) & 65535, h1 & 4095, 32768 | ((h2 >> 48) & 16383), h2 & 281474976710655)`;
  const inDays = `dd.d BETWEEN ${days[0]} AND ${days[1]}`;
  return `SELECT ${q(ids.accountId)}, ${q(ids.workspaceId)}, '2.0', ts, CAST(ts AS DATE), ip, ua, NULL,
      {'email': email, 'subject_name': NULL}, service, action, 'ServiceMain-' || printf('%016x', xor(h1, h2)), params,
      {'status_code': status, 'error_message': err, 'result': NULL}, 'WORKSPACE_LEVEL', ${id}, NULL
    FROM (SELECT ${ts} AS ts, ${p.ip} AS ip, ${p.ua} AS ua, ${p.email} AS email, ${p.service} AS service, ${p.action} AS action,
        ${p.params} AS params, CAST(${p.status ?? '200'} AS INTEGER) AS status, ${p.error ?? 'CAST(NULL AS VARCHAR)'} AS err,
        ${h(p.key, salt)} AS h1, hash(${h(p.key, salt)}, 7) AS h2
      FROM ${p.from} WHERE ${inDays}${p.where ? ` AND ${p.where}` : ''})`;
}

/** The days [from, to] (days before today): every part plus the staged discrete events. */
export function chunkSql(
  parts: Array<[string, Part]>,
  ids: { seed: number; accountId: string; workspaceId: string },
  days: [number, number],
  table: string,
): string {
  const body = parts.map(([salt, p]) => partSql(p, salt, ids, days)).join('\nUNION ALL\n');
  return `INSERT INTO ${table} ${body}
    UNION ALL SELECT j.* FROM ah_js j JOIN ah_days dd ON j.event_date = dd.date WHERE dd.d BETWEEN ${days[0]} AND ${days[1]}`;
}
