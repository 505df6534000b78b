// The generators of the seeded history: everyday noise (catalog reads, SQL, jobs, secret reads by automation),
// people's browser sign-ins and their typos, service-principal OAuth, PAT use per token (consistent with the
// Estate), token creation/revocation, and failed-login bursts from attacker addresses. Names are the real ones of
// reference §12.
import { type Part, ctx, diurnal, helpers, q } from './audit-history-sql';

const DAY_MS = 86_400_000;

export interface History {
  /** Template tables the parts join: created once before the days, dropped after. */
  templates: Array<{ name: string; sql: string }>;
  parts: Array<[string, Part]>;
}

/** `templateRows`: distinct events per kind of noise. Each noise row joins one template (its people, objects,
 *  parameters and outcome) and only gets its own time and ids: building a MAP and a handful of strings per row cost
 *  several times more than copying them from a template. */
export function history(seed: number, workspaceId: string, sizes: Readonly<Record<string, number>>, templateRows: number): History {
  const { u, n, pick, h } = helpers(seed, sizes);
  const at = (ms: string) => `((${ms}) - dd.start_ms) / dd.span_ms`;
  /** When the thing `pick(key, salt, name)` names began: the same index into the parallel `<name>_born` list. */
  const born = (key: string, salt: string, name: string) =>
    `${ctx(`${name}_born`)}[1 + CAST(${h(key, salt)} % ${sizes[name] ?? 1} AS BIGINT)]`;

  // Everyday noise, one part per kind of event (no per-row CASE). `born`: when everything the event names existed
  // (its actor had joined, its table, job or scope was made); a day's events use only templates born by its start.
  const person = pick('dd.i', 'p', 'people');
  const personBorn = born('dd.i', 'p', 'people');
  const table = pick('dd.i', 'tbl', 'tables');
  const tableBorn = born('dd.i', 'tbl', 'tables');
  const secret = n('dd.i', 'sec', sizes.scopes ?? 1);
  interface Kind {
    salt: string;
    share: number;
    /** Automation (cloud addresses, SDK user agents) rather than a person at a desk. */
    automated: boolean;
    email: string;
    born: string;
    service: string;
    action: string;
    params: string;
    mayFail: boolean;
  }
  const kinds: Kind[] = [
    {
      salt: 'getTable',
      share: 25,
      automated: false,
      email: person,
      born: `greatest(${personBorn}, ${tableBorn})`,
      service: 'unityCatalog',
      action: 'getTable',
      params: `MAP {'full_name_arg': ${table}, 'workspace_id': ${q(workspaceId)}}`,
      mayFail: true,
    },
    {
      salt: 'tmpCred',
      share: 10,
      automated: false,
      email: person,
      born: `greatest(${personBorn}, ${tableBorn})`,
      service: 'unityCatalog',
      action: 'generateTemporaryTableCredential',
      params: `MAP {'table_full_name': ${table}, 'operation': 'READ'}`,
      mayFail: false,
    },
    {
      salt: 'sql',
      share: 20,
      automated: false,
      email: person,
      born: personBorn,
      service: 'databrickssql',
      action: 'commandSubmit',
      params: `MAP {'warehouseId': ${ctx('warehouse')}, 'commandId': printf('%016x', ${h('dd.i', 'cmd')})}`,
      mayFail: false,
    },
    // A scheduled run acts as the job's run-as principal; only unpaused jobs whose principal is active run.
    {
      salt: 'run',
      share: 10,
      automated: true,
      email: pick('dd.i', 'job', 'job_run_as'),
      born: born('dd.i', 'job', 'jobs'),
      service: 'jobs',
      action: 'runStart',
      params: `MAP {'jobId': ${pick('dd.i', 'job', 'jobs')}, 'runId': CAST(${n('dd.i', 'run', 900000000)} + 100000000 AS VARCHAR)}`,
      mayFail: false,
    },
    {
      salt: 'cluster',
      share: 8,
      automated: false,
      email: person,
      born: personBorn,
      service: 'clusters',
      action: 'get',
      params: `MAP {'cluster_id': ${pick('dd.i', 'cl', 'clusters')}}`,
      mayFail: false,
    },
    {
      salt: 'schemas',
      share: 7,
      automated: false,
      email: person,
      born: `greatest(${personBorn}, ${born('dd.i', 'cat', 'catalogs')})`,
      service: 'unityCatalog',
      action: 'listSchemas',
      params: `MAP {'catalog_name': ${pick('dd.i', 'cat', 'catalogs')}}`,
      mayFail: false,
    },
    {
      // A job or pipeline reading a secret as a principal the scope's ACL lets read it (audit-history-inputs.ts).
      salt: 'secret',
      share: 10,
      automated: true,
      email: `${ctx('secret_readers')}[1 + ${secret}]`,
      born: `${ctx('scopes_born')}[1 + ${secret}]`,
      service: 'secrets',
      action: 'getSecret',
      params: `MAP {'scope': ${ctx('scopes')}[1 + ${secret}], 'key': ${ctx('secret_keys')}[1 + ${secret}]}`,
      mayFail: false,
    },
    {
      salt: 'notebook',
      share: 6,
      automated: false,
      email: person,
      born: personBorn,
      service: 'notebook',
      action: 'attachNotebook',
      params: `MAP {'path': '/Users/' || ${person} || '/analysis', 'clusterId': ${pick('dd.i', 'cl', 'clusters')}}`,
      mayFail: false,
    },
    {
      salt: 'dbfs',
      share: 4,
      automated: false,
      email: person,
      born: personBorn,
      service: 'dbfs',
      action: 'getStatus',
      params: "MAP {'path': '/mnt/raw/claims'}",
      mayFail: false,
    },
  ];
  const templates: History['templates'] = [];
  const noise = kinds.map((k): [string, Part] => {
    const failed = `${n('dd.i', 'fail', 1000)} < 15`;
    const tpl = `ah_tpl_${k.salt.toLowerCase()}`;
    // Numbered in order of birth, so the templates usable on a day are ids 0 … eligible - 1.
    templates.push({
      name: tpl,
      sql: `CREATE OR REPLACE TEMP TABLE ${tpl} AS SELECT row_number() OVER (ORDER BY born, i) - 1 AS tpl_id, * EXCLUDE (i) FROM (
        SELECT dd.i AS i,
        ${k.automated ? pick('dd.i', 'cip', 'cloud_ips') : pick('dd.i', 'ip', 'office')} AS ip,
        ${k.automated ? pick('dd.i', 'sua', 'automation') : pick('dd.i', 'ua', 'clients')} AS ua,
        ${k.email} AS email, ${k.params} AS params, ${k.born} AS born,
        ${k.mayFail ? `CASE WHEN ${failed} THEN 403 ELSE 200 END` : '200'} AS status,
        ${k.mayFail ? `CASE WHEN ${failed} THEN 'PERMISSION_DENIED: User does not have the required privilege.' END` : 'CAST(NULL AS VARCHAR)'} AS err
      FROM (SELECT range AS i, 0 AS d FROM range(${templateRows})) dd) WHERE born IS NOT NULL`,
    });
    templates.push({
      name: `${tpl}_days`,
      sql: `CREATE OR REPLACE TEMP TABLE ${tpl}_days AS SELECT d0.d, count(t.tpl_id) AS eligible FROM ah_days d0 LEFT JOIN ${tpl} t ON t.born <= d0.start_ms GROUP BY d0.d`,
    });
    return [
      k.salt,
      {
        from: `(SELECT d0.*, e.eligible, r.i FROM ah_days d0 JOIN ${tpl}_days e ON e.d = d0.d,
            range(CASE WHEN e.eligible > 0 THEN CAST(round(d0.noise * ${k.share / 100}) AS BIGINT) ELSE 0 END) r(i)) dd
        JOIN ${tpl} tpl ON tpl.tpl_id = CAST(${h('dd.i', 'tpl')} % dd.eligible AS BIGINT)`,
        key: 'dd.i',
        at: diurnal(u('dd.i', 't')),
        ip: 'tpl.ip',
        ua: 'tpl.ua',
        email: 'tpl.email',
        service: q(k.service),
        action: q(k.action),
        params: 'tpl.params',
        status: 'tpl.status',
        error: 'tpl.err',
      },
    ];
  });

  // People sign in on the days they were in the workspace; service principals authenticate hourly likewise.
  const inWorkspace = (alias: string) => `${alias}.joined <= dd.start_ms AND (${alias}.left IS NULL OR ${alias}.left >= dd.end_ms)`;
  const login: Part = {
    from: 'ah_people p, ah_days dd',
    where: `${u('p.idx', 'login')} < dd.login_share AND ${inWorkspace('p')}`,
    key: 'p.idx',
    at: `0.40 + 0.32 * ${u('p.idx', 't')}`,
    ip: pick('p.idx', 'ip', 'office'),
    ua: pick('p.idx', 'ua', 'browsers'),
    email: 'p.name',
    service: "'accounts'",
    action: "'aadBrowserLogin'",
    params: "MAP {'user': p.name}",
  };
  const typo: Part = {
    ...login,
    where: `${u('p.idx', 'login')} < dd.login_share AND ${u('p.idx', 'typo')} < 0.03 AND ${inWorkspace('p')}`,
    at: `0.39 + 0.32 * ${u('p.idx', 't')}`,
    status: '401',
    error: "'Authentication failed: invalid username or password'",
  };
  const spAuth: Part = {
    from: 'ah_sps s, ah_days dd, range(24) r(k)',
    where: inWorkspace('s'),
    key: 's.idx * 100 + r.k',
    at: `(r.k + ${u('s.idx * 100 + r.k', 't')}) / 24`,
    ip: 's.ip',
    ua: "'databricks-sdk-py/0.38.0'",
    email: 's.app_id',
    service: "'accounts'",
    action: "'workspaceInHouseOAuthClientAuthentication'",
    params: "MAP {'user': s.app_id, 'authenticationMethod': 'CLIENT_SECRET'}",
  };
  // Token use: the lateral expansion carries only numbers; the token's strings and parameters come by hash join.
  templates.push({
    name: 'ah_token_tpl',
    sql: `CREATE OR REPLACE TEMP TABLE ah_token_tpl AS SELECT idx, owner, ip, ua, MAP {'user': owner, 'tokenId': token_id} AS params FROM ah_tokens`,
  });
  const useKey = 'dd.tidx * 1000 + dd.k';
  /**
   * A shared token's own handful of addresses or clients: a window of `least + tidx % spread` consecutive entries of
   * the list, starting where the token's index puts it, so two shared tokens never show the same count and set.
   */
  const sharedPick = (tidx: string, key: string, salt: string, name: string, least: number, spread: number) =>
    `${ctx(name)}[1 + CAST((${tidx} * 7 + ${h(key, salt)} % (${least} + ${tidx} % ${spread})) % ${sizes[name] ?? 1} AS BIGINT)]`;
  const tokenUse: Part = {
    from: `(SELECT t.idx AS tidx, t.use_from, t.use_to, t.shared, d0.*, r.k FROM ah_tokens t, ah_days d0, range(t.rate) r(k)
        WHERE t.use_from < d0.end_ms AND t.use_to > d0.start_ms) dd JOIN ah_token_tpl tt ON tt.idx = dd.tidx`,
    key: useKey,
    at: at(`greatest(dd.use_from, dd.start_ms) + ${u(useKey, 't')} * (least(dd.use_to, dd.end_ms) - greatest(dd.use_from, dd.start_ms))`),
    ip: `CASE WHEN dd.shared THEN ${sharedPick('dd.tidx', useKey, 'ip', 'shared_ips', 6, 11)} ELSE tt.ip END`,
    ua: `CASE WHEN dd.shared THEN ${sharedPick('dd.tidx', useKey, 'ua', 'clients', 3, 4)} ELSE tt.ua END`,
    email: 'tt.owner',
    service: "'accounts'",
    action: "'tokenLogin'",
    params: 'tt.params',
  };
  // The last use of each token falls exactly at its Estate lastUsedTime, so that the history and last_used_day agree.
  const lastUse: Part = {
    from: 'ah_tokens t, ah_days dd',
    where: 't.last_use >= dd.start_ms AND t.last_use < dd.end_ms',
    key: 't.idx',
    at: at('t.last_use'),
    ip: `CASE WHEN t.shared THEN ${sharedPick('t.idx', 't.idx', 'lip', 'shared_ips', 6, 11)} ELSE t.ip END`,
    ua: 't.ua',
    email: 't.owner',
    service: "'accounts'",
    action: "'tokenLogin'",
    params: "MAP {'user': t.owner, 'tokenId': t.token_id}",
  };
  const tokenKey = 't.idx * 1000 + r.k';
  const generated: Part = {
    from: 'ah_tokens t, ah_days dd',
    where: 't.created >= dd.start_ms AND t.created < dd.end_ms',
    key: 't.idx',
    at: at('t.created'),
    ip: 't.ip',
    ua: pick('t.idx', 'ua', 'browsers'),
    email: 't.created_by',
    service: "'accounts'",
    action: "'generateDbToken'",
    params: `CASE WHEN t.expiry > 0 THEN MAP {'tokenHash': t.token_hash, 'tokenExpirationTime': CAST(t.expiry AS VARCHAR)} ELSE MAP {'tokenHash': t.token_hash} END`,
  };
  const revoked: Part = {
    from: 'ah_tokens t, ah_days dd',
    where: 't.revoked >= dd.start_ms AND t.revoked < dd.end_ms',
    key: 't.idx',
    at: at('t.revoked'),
    ip: pick('t.idx', 'ip', 'office'),
    ua: pick('t.idx', 'ua', 'browsers'),
    email: 't.revoked_by',
    service: "'accounts'",
    action: "'revokeDbToken'",
    params: "MAP {'tokenHash': t.token_hash}",
  };
  const afterRevoke: Part = {
    from: 'ah_tokens t, ah_days dd, range(3) r(k)',
    where: `t.revoked >= dd.start_ms - ${DAY_MS} AND t.revoked < dd.start_ms`,
    key: tokenKey,
    at: `0.25 + 0.2 * r.k + 0.1 * ${u(tokenKey, 't')}`,
    ip: 't.ip',
    ua: 't.ua',
    email: 't.owner',
    service: "'accounts'",
    action: "'tokenLogin'",
    params: "MAP {'user': t.owner, 'tokenId': t.token_id}",
    // As the live simulator answers a revoked token: 403 Invalid access token.
    status: '403',
    error: "'Invalid access token.'",
  };
  const burstKey = 'b.idx * 100000 + r.k';
  const denied = `${u(burstKey, 'acl')} < 0.15`;
  // Attackers try real user names (of people who were here by then) and made-up ones.
  const target = `CASE WHEN ${u(burstKey, 'who')} < 0.7 AND ${born(burstKey, 'p', 'people')} <= dd.start_ms THEN ${pick(burstKey, 'p', 'people')} ELSE ${pick(burstKey, 'f', 'fakes')} END`;
  const burst: Part = {
    from: 'ah_bursts b JOIN ah_days dd ON b.d = dd.d, range(b.attempts) r(k)',
    key: burstKey,
    at: `b.start_f + (r.k + ${u(burstKey, 't')}) / b.attempts * b.dur_f`,
    ip: 'b.ip',
    ua: 'b.ua',
    email: target,
    service: "'accounts'",
    action: `CASE WHEN ${denied} THEN 'IpAccessDenied' ELSE b.action END`,
    params: `CASE WHEN ${denied} THEN MAP {'path': '/login.html', 'user': ${target}} ELSE MAP {'user': ${target}} END`,
    status: `CASE WHEN ${denied} OR b.action = 'tokenLogin' THEN 403 ELSE 401 END`,
    error: `CASE WHEN ${denied} THEN 'Source IP address is blocked by the workspace IP access list' WHEN b.action = 'tokenLogin' THEN 'Invalid access token.' ELSE 'Authentication failed: invalid username or password' END`,
  };
  return {
    templates,
    parts: [
      ...noise,
      ['login', login],
      ['typo', typo],
      ['sp', spAuth],
      ['use', tokenUse],
      ['last', lastUse],
      ['gen', generated],
      ['rev', revoked],
      ['after', afterRevoke],
      ['burst', burst],
    ],
  };
}
