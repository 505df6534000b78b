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

  // Everyday noise, one part per kind of event (no per-row CASE): [salt, share %, by service principal, service,
  // action, params, may fail with 403].
  const person = pick('dd.i', 'p', 'people');
  const table = pick('dd.i', 'tbl', 'tables');
  const secret = n('dd.i', 'sec', sizes.scopes ?? 1);
  const kinds: Array<[string, number, boolean, string, string, string, boolean]> = [
    ['getTable', 25, false, 'unityCatalog', 'getTable', `MAP {'full_name_arg': ${table}, 'workspace_id': ${q(workspaceId)}}`, true],
    [
      'tmpCred',
      10,
      false,
      'unityCatalog',
      'generateTemporaryTableCredential',
      `MAP {'table_full_name': ${table}, 'operation': 'READ'}`,
      false,
    ],
    [
      'sql',
      20,
      false,
      'databrickssql',
      'commandSubmit',
      `MAP {'warehouseId': ${ctx('warehouse')}, 'commandId': printf('%016x', ${h('dd.i', 'cmd')})}`,
      false,
    ],
    [
      'run',
      10,
      true,
      'jobs',
      'runStart',
      `MAP {'jobId': ${pick('dd.i', 'job', 'jobs')}, 'runId': CAST(${n('dd.i', 'run', 900000000)} + 100000000 AS VARCHAR)}`,
      false,
    ],
    ['cluster', 8, false, 'clusters', 'get', `MAP {'cluster_id': ${pick('dd.i', 'cl', 'clusters')}}`, false],
    ['schemas', 7, false, 'unityCatalog', 'listSchemas', `MAP {'catalog_name': ${pick('dd.i', 'cat', 'catalogs')}}`, false],
    [
      'secret',
      10,
      true,
      'secrets',
      'getSecret',
      `MAP {'scope': ${ctx('scopes')}[1 + ${secret}], 'key': ${ctx('secret_keys')}[1 + ${secret}]}`,
      true,
    ],
    [
      'notebook',
      6,
      false,
      'notebook',
      'attachNotebook',
      `MAP {'path': '/Users/' || ${person} || '/analysis', 'clusterId': ${pick('dd.i', 'cl', 'clusters')}}`,
      false,
    ],
    ['dbfs', 4, false, 'dbfs', 'getStatus', "MAP {'path': '/mnt/raw/claims'}", false],
  ];
  const templates: History['templates'] = [];
  const noise = kinds.map(([salt, share, bySp, service, action, params, mayFail]): [string, Part] => {
    const failed = `${n('dd.i', 'fail', 1000)} < 15`;
    const tpl = `ah_tpl_${salt.toLowerCase()}`;
    templates.push({
      name: tpl,
      sql: `CREATE OR REPLACE TEMP TABLE ${tpl} AS SELECT dd.i AS tpl_id,
        ${bySp ? pick('dd.i', 'cip', 'cloud_ips') : pick('dd.i', 'ip', 'office')} AS ip,
        ${bySp ? pick('dd.i', 'sua', 'automation') : pick('dd.i', 'ua', 'clients')} AS ua,
        ${bySp ? pick('dd.i', 's', 'sps') : person} AS email, ${params} AS params,
        ${mayFail ? `CASE WHEN ${failed} THEN 403 ELSE 200 END` : '200'} AS status,
        ${mayFail ? `CASE WHEN ${failed} THEN 'PERMISSION_DENIED: User does not have the required privilege.' END` : 'CAST(NULL AS VARCHAR)'} AS err
      FROM (SELECT range AS i, 0 AS d FROM range(${templateRows})) dd`,
    });
    return [
      salt,
      {
        from: `(SELECT d0.*, r.i FROM ah_days d0, range(CAST(round(d0.noise * ${share / 100}) AS BIGINT)) r(i)) dd
        JOIN ${tpl} tpl ON tpl.tpl_id = ${n('dd.i', 'tpl', templateRows)}`,
        key: 'dd.i',
        at: diurnal(u('dd.i', 't')),
        ip: 'tpl.ip',
        ua: 'tpl.ua',
        email: 'tpl.email',
        service: q(service),
        action: q(action),
        params: 'tpl.params',
        status: 'tpl.status',
        error: 'tpl.err',
      },
    ];
  });

  const login: Part = {
    from: 'ah_people p, ah_days dd',
    where: `${u('p.idx', 'login')} < dd.login_share`,
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
    where: `${u('p.idx', 'login')} < dd.login_share AND ${u('p.idx', 'typo')} < 0.03`,
    at: `0.39 + 0.32 * ${u('p.idx', 't')}`,
    status: '401',
    error: "'Authentication failed: invalid username or password'",
  };
  const spAuth: Part = {
    from: 'ah_sps s, ah_days dd, range(24) r(k)',
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
  const tokenUse: Part = {
    from: `(SELECT t.idx AS tidx, t.use_from, t.use_to, t.shared, d0.*, r.k FROM ah_tokens t, ah_days d0, range(t.rate) r(k)
        WHERE t.use_from < d0.end_ms AND t.use_to > d0.start_ms) dd JOIN ah_token_tpl tt ON tt.idx = dd.tidx`,
    key: useKey,
    at: at(`greatest(dd.use_from, dd.start_ms) + ${u(useKey, 't')} * (least(dd.use_to, dd.end_ms) - greatest(dd.use_from, dd.start_ms))`),
    ip: `CASE WHEN dd.shared THEN ${pick(useKey, 'ip', 'shared_ips')} ELSE tt.ip END`,
    ua: `CASE WHEN dd.shared THEN ${pick(useKey, 'ua', 'clients')} ELSE tt.ua END`,
    email: 'tt.owner',
    service: "'accounts'",
    action: "'tokenLogin'",
    params: 'tt.params',
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
    status: '401',
    error: "'Invalid access token.'",
  };
  const burstKey = 'b.idx * 100000 + r.k';
  const denied = `${u(burstKey, 'acl')} < 0.15`;
  const target = `CASE WHEN ${u(burstKey, 'who')} < 0.7 THEN ${pick(burstKey, 'p', 'people')} ELSE ${pick(burstKey, 'f', 'fakes')} END`;
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
    status: `CASE WHEN ${denied} THEN 403 ELSE 401 END`,
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
      ['gen', generated],
      ['rev', revoked],
      ['after', afterRevoke],
      ['burst', burst],
    ],
  };
}
