// Wires the stores, the routers and the request pipeline of one running simulator.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuditSink } from './audit/sink';
import type { SimulatorOptions, WorkspaceFile } from './core/contract';
import type { SimDb } from './core/db';
import { RequestLog } from './control/request-log';
import { controlHandler } from './control/routes';
import { FaultEngine } from './faults/engine';
import type { FaultRuleInput } from './faults/spec';
import { createPipeline } from './http/pipeline';
import { Router } from './http/router';
import { Authenticator } from './identity/auth';
import { IdentityStore } from './identity/store';
import { OAuthClientStore } from './oidc/clients';
import { CodeStore } from './oidc/codes';
import { oidcHandler } from './oidc/index';
import { generateSigningKey, signingKeyFromPem, type SigningKey } from './oidc/jwt';
import { workspaceRoutes } from './rest/index';
import { unityCatalogRoutes } from './rest/unity-catalog';
import { warehouseRoutes } from './rest/warehouses';
import { createSqlWarehouse } from './sql/warehouse';
import type { SimulatorState } from './state';
import { AclStore } from './store/acl-store';
import { getMeta, setMeta } from './store/schema';
import { TokenStore } from './store/token-store';
import { WorkspaceConfStore } from './store/workspace-conf';

export interface App {
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  featuredPeople: WorkspaceFile['people'];
  releaseHangs: () => void;
  /** Flushes the audit queue and closes the warehouse's sessions; the caller closes the database afterwards. */
  close: () => Promise<void>;
}

export async function buildApp(
  state: SimulatorState,
  cfg: { url: string; browserUrl: string; opts: SimulatorOptions; faults: FaultRuleInput[] },
): Promise<App> {
  const { db, credentials } = state;
  const identity = await IdentityStore.load(db);
  const conf = await WorkspaceConfStore.load(db);
  const acls = new AclStore(db);
  const tokens = await TokenStore.load(db);
  const signingKey = await loadSigningKey(db);
  const audit = await createAuditSink(db, { workspaceId: credentials.workspaceId, accountId: credentials.accountId });
  const auth = new Authenticator({ identity, tokens, conf, acls, signingKey, audit });
  const faults = new FaultEngine();
  faults.add(cfg.faults);
  const log = new RequestLog();
  const latency = { ms: cfg.opts.latencyMs };

  const router = new Router();
  router.add(workspaceRoutes({ db, identity, tokens, conf, acls, auth, audit, workspaceId: credentials.workspaceId }));
  router.add(warehouseRoutes(credentials.warehouseId, () => cfg.url, state.featuredPeople[0] ?? ''));
  router.add(unityCatalogRoutes({ db, audit, directory: identity }));
  const oidc = oidcHandler({
    db,
    identity,
    clients: await OAuthClientStore.load(db),
    codes: new CodeStore(),
    signingKey,
    audit,
    issuer: () => `${cfg.url}/oidc`,
    browserIssuer: () => `${cfg.browserUrl}/oidc`,
    accessTokenTtlSeconds: cfg.opts.oauthTokenTtlSeconds ?? 3600,
    featuredPeople: state.featuredPeople,
  });
  const warehouse = await createSqlWarehouse({
    db,
    audit,
    directory: identity,
    ids: { accountId: credentials.accountId, workspaceId: credentials.workspaceId },
  });
  const sql = { warehouseId: credentials.warehouseId, handle: (...args: Parameters<typeof warehouse.handle>) => warehouse.handle(...args) };
  const hanging = new Set<() => void>();
  const handle = createPipeline({
    router,
    auth,
    faults,
    log,
    audit,
    latencyMs: () => latency.ms,
    oidc,
    hanging,
    control: controlHandler({ auth, faults, log, latency }),
    sql,
    exclusive: (fn) => db.exclusive(fn),
  });
  const featuredPeople = state.featuredPeople.flatMap((userName) => {
    const u = identity.find('user', userName);
    return u ? [{ userName: u.name, displayName: u.displayName, groups: identity.allGroups(u.id).map((g) => g.name) }] : [];
  });
  return {
    handle,
    featuredPeople,
    releaseHangs: () => [...hanging].forEach((release) => release()),
    close: async () => {
      await warehouse.close();
      await audit.flush();
    },
  };
}

async function loadSigningKey(db: SimDb): Promise<SigningKey> {
  const pem = await getMeta(db, 'oidc_signing_key');
  if (pem) return signingKeyFromPem(pem);
  const key = generateSigningKey();
  await setMeta(db, 'oidc_signing_key', key.privatePem);
  return key;
}
