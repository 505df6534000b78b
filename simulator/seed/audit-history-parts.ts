// The generators of the seeded history: everyday noise (catalog reads, SQL, jobs, secret reads by automation),
// people's browser sign-ins and their typos, service-principal OAuth, PAT use per token (consistent with the
// Estate), token creation/revocation, and failed-login bursts from attacker addresses. Names are the real ones of
// reference §12.
import { type Part, ctx, diurnal, helpers, q } from './audit-history-sql';

const DAY_MS = 86_400_000;

export function historyParts(seed: number, workspaceId: string, sizes: Readonly<Record<string, number>>): Array<[string, Part]> {
  const { u, n, pick, h } = helpers(seed, sizes);
  const at = (ms: string) => `((${ms}) - dd.start_ms) / dd.span_ms`;

  const cat = 'dd.cat';
  const person = pick('dd.i', 'p', 'people');
  const sp = pick('dd.i', 's', 'sps');
  const bySp = `(${cat} BETWEEN 55 AND 64 OR ${cat} BETWEEN 80 AND 89)`;
  const failed = `(${n('dd.i', 'fail', 1000)} < 15 AND (${cat} < 25 OR ${cat} BETWEEN 80 AND 89))`;
  const table = pick('dd.i', 'tbl', 'tables');
  const secret = n('dd.i', 'sec', sizes.scopes ?? 1);
  const noise: Part = {
    // The day's columns and the row number, with the row's category computed once.
    from: `(SELECT d0.*, r.i, CAST(hash(r.i, 'cat', ${seed}, d0.d) % 100 AS INTEGER) AS cat FROM ah_days d0, range(d0.noise) r(i)) dd`,
    key: 'dd.i', at: diurnal(u('dd.i', 't')),
    ip: `CASE WHEN ${bySp} THEN ${pick('dd.i', 'cip', 'cloud_ips')} ELSE ${pick('dd.i', 'ip', 'office')} END`,
    ua: `CASE WHEN ${bySp} THEN ${pick('dd.i', 'sua', 'automation')} ELSE ${pick('dd.i', 'ua', 'clients')} END`,
    email: `CASE WHEN ${bySp} THEN ${sp} ELSE ${person} END`,
    service: `CASE WHEN ${cat} < 35 OR ${cat} BETWEEN 73 AND 79 THEN 'unityCatalog' WHEN ${cat} < 55 THEN 'databrickssql' WHEN ${cat} < 65 THEN 'jobs'
      WHEN ${cat} < 73 THEN 'clusters' WHEN ${cat} < 90 THEN 'secrets' WHEN ${cat} < 96 THEN 'notebook' ELSE 'dbfs' END`,
    action: `CASE WHEN ${cat} < 25 THEN 'getTable' WHEN ${cat} < 35 THEN 'generateTemporaryTableCredential' WHEN ${cat} < 55 THEN 'commandSubmit'
      WHEN ${cat} < 65 THEN 'runStart' WHEN ${cat} < 73 THEN 'get' WHEN ${cat} < 80 THEN 'listSchemas' WHEN ${cat} < 90 THEN 'getSecret'
      WHEN ${cat} < 96 THEN 'attachNotebook' ELSE 'getStatus' END`,
    params: `CASE WHEN ${cat} < 25 THEN MAP {'full_name_arg': ${table}, 'workspace_id': ${q(workspaceId)}}
      WHEN ${cat} < 35 THEN MAP {'table_full_name': ${table}, 'operation': 'READ'}
      WHEN ${cat} < 55 THEN MAP {'warehouseId': ${ctx('warehouse')}, 'commandId': printf('%016x', ${h('dd.i', 'cmd')})}
      WHEN ${cat} < 65 THEN MAP {'jobId': ${pick('dd.i', 'job', 'jobs')}, 'runId': CAST(${n('dd.i', 'run', 900000000)} + 100000000 AS VARCHAR)}
      WHEN ${cat} < 73 THEN MAP {'cluster_id': ${pick('dd.i', 'cl', 'clusters')}}
      WHEN ${cat} < 80 THEN MAP {'catalog_name': ${pick('dd.i', 'cat2', 'catalogs')}}
      WHEN ${cat} < 90 THEN MAP {'scope': ${ctx('scopes')}[1 + ${secret}], 'key': ${ctx('secret_keys')}[1 + ${secret}]}
      WHEN ${cat} < 96 THEN MAP {'path': '/Users/' || ${person} || '/analysis', 'clusterId': ${pick('dd.i', 'cl', 'clusters')}}
      ELSE MAP {'path': '/mnt/raw/claims'} END`,
    status: `CASE WHEN ${failed} THEN 403 ELSE 200 END`,
    error: `CASE WHEN ${failed} THEN 'PERMISSION_DENIED: User does not have the required privilege.' END`,
  };

  const login: Part = {
    from: 'ah_people p, ah_days dd', where: `${u('p.idx', 'login')} < dd.login_share`, key: 'p.idx', at: `0.40 + 0.32 * ${u('p.idx', 't')}`,
    ip: pick('p.idx', 'ip', 'office'), ua: pick('p.idx', 'ua', 'browsers'), email: 'p.name', service: "'accounts'", action: "'aadBrowserLogin'",
    params: "MAP {'user': p.name}",
  };
  const typo: Part = {
    ...login, where: `${u('p.idx', 'login')} < dd.login_share AND ${u('p.idx', 'typo')} < 0.03`, at: `0.39 + 0.32 * ${u('p.idx', 't')}`,
    status: '401', error: "'Authentication failed: invalid username or password'",
  };
  const spAuth: Part = {
    from: 'ah_sps s, ah_days dd, range(24) r(k)', key: 's.idx * 100 + r.k', at: `(r.k + ${u('s.idx * 100 + r.k', 't')}) / 24`, ip: 's.ip',
    ua: "'databricks-sdk-py/0.38.0'", email: 's.app_id', service: "'accounts'", action: "'workspaceInHouseOAuthClientAuthentication'",
    params: "MAP {'user': s.app_id, 'authenticationMethod': 'CLIENT_SECRET'}",
  };
  const tokenKey = 't.idx * 1000 + r.k';
  const tokenUse: Part = {
    from: 'ah_tokens t, ah_days dd, range(t.rate) r(k)', where: 't.use_from < dd.end_ms AND t.use_to > dd.start_ms', key: tokenKey,
    at: at(`greatest(t.use_from, dd.start_ms) + ${u(tokenKey, 't')} * (least(t.use_to, dd.end_ms) - greatest(t.use_from, dd.start_ms))`),
    ip: `CASE WHEN t.shared THEN ${pick(tokenKey, 'ip', 'shared_ips')} ELSE t.ip END`,
    ua: `CASE WHEN t.shared THEN ${pick(tokenKey, 'ua', 'clients')} ELSE t.ua END`,
    email: 't.owner', service: "'accounts'", action: "'tokenLogin'", params: "MAP {'user': t.owner, 'tokenId': t.token_id}",
  };
  const generated: Part = {
    from: 'ah_tokens t, ah_days dd', where: 't.created >= dd.start_ms AND t.created < dd.end_ms', key: 't.idx', at: at('t.created'), ip: 't.ip',
    ua: pick('t.idx', 'ua', 'browsers'), email: 't.created_by', service: "'accounts'", action: "'generateDbToken'",
    params: `CASE WHEN t.expiry > 0 THEN MAP {'tokenHash': t.token_hash, 'tokenExpirationTime': CAST(t.expiry AS VARCHAR)} ELSE MAP {'tokenHash': t.token_hash} END`,
  };
  const revoked: Part = {
    from: 'ah_tokens t, ah_days dd', where: 't.revoked >= dd.start_ms AND t.revoked < dd.end_ms', key: 't.idx', at: at('t.revoked'),
    ip: pick('t.idx', 'ip', 'office'), ua: pick('t.idx', 'ua', 'browsers'), email: 't.revoked_by', service: "'accounts'", action: "'revokeDbToken'",
    params: "MAP {'tokenHash': t.token_hash}",
  };
  const afterRevoke: Part = {
    from: 'ah_tokens t, ah_days dd, range(3) r(k)', where: `t.revoked >= dd.start_ms - ${DAY_MS} AND t.revoked < dd.start_ms`, key: tokenKey,
    at: `0.25 + 0.2 * r.k + 0.1 * ${u(tokenKey, 't')}`, ip: 't.ip', ua: 't.ua', email: 't.owner', service: "'accounts'", action: "'tokenLogin'",
    params: "MAP {'user': t.owner, 'tokenId': t.token_id}", status: '401', error: "'Invalid access token.'",
  };
  const burstKey = 'b.idx * 100000 + r.k';
  const denied = `${u(burstKey, 'acl')} < 0.15`;
  const target = `CASE WHEN ${u(burstKey, 'who')} < 0.7 THEN ${pick(burstKey, 'p', 'people')} ELSE ${pick(burstKey, 'f', 'fakes')} END`;
  const burst: Part = {
    from: 'ah_bursts b JOIN ah_days dd ON b.d = dd.d, range(b.attempts) r(k)', key: burstKey,
    at: `b.start_f + (r.k + ${u(burstKey, 't')}) / b.attempts * b.dur_f`, ip: 'b.ip', ua: 'b.ua', email: target, service: "'accounts'",
    action: `CASE WHEN ${denied} THEN 'IpAccessDenied' ELSE b.action END`,
    params: `CASE WHEN ${denied} THEN MAP {'path': '/login.html', 'user': ${target}} ELSE MAP {'user': ${target}} END`,
    status: `CASE WHEN ${denied} THEN 403 ELSE 401 END`,
    error: `CASE WHEN ${denied} THEN 'Source IP address is blocked by the workspace IP access list' WHEN b.action = 'tokenLogin' THEN 'Invalid access token.' ELSE 'Authentication failed: invalid username or password' END`,
  };
  return [['noise', noise], ['login', login], ['typo', typo], ['sp', spAuth], ['use', tokenUse], ['gen', generated], ['rev', revoked],
    ['after', afterRevoke], ['burst', burst]];
}
