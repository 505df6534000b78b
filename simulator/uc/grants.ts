// Grant changes and grant listings, shared by SQL (GRANT / REVOKE / SHOW GRANTS) and REST (permissions API), so
// both are one state with one set of rules. Every change attempt — allowed or not — is audited as
// unityCatalog.updatePermissions.
import type { AuditSink, Principal, PrincipalDirectory, RequestMeta } from '../core/contract';
import type { SimDb } from '../core/db';
import { UcError, ucErrors } from './errors';
import { principalSet } from './principals';
import { GRANTABLE, type Securable, type SecurableType, privilegeProblem } from './privileges';
import { changed, privilegeModel, structure } from './store';

export interface UcDeps {
  db: SimDb;
  audit: AuditSink;
  directory: PrincipalDirectory;
}

export interface Actor {
  principal: Principal;
  meta: RequestMeta;
}

export interface GrantChange {
  principal: string;
  add?: string[];
  remove?: string[];
}

/** The simulator's single metastore. */
export const METASTORE_ID = '6f3b2c1a-52de-4b8e-9d4f-1c0a7e5b9a21';

/** Groups every workspace has even if the directory does not list them. */
const BUILT_IN_GROUPS = new Set(['users', 'account users']);

/** Finds the securable or throws the not-found error (names are case-insensitive in Unity Catalog). */
export async function resolveSecurable(db: SimDb, type: SecurableType, fullName: string): Promise<Securable> {
  const name = fullName.toLowerCase();
  const st = await structure(db);
  const found = { catalog: st.catalogs, schema: st.schemas, function: st.functions, volume: st.volumes, table: st.tables }[type].has(name);
  if (!found) throw ucErrors.notFound(type, name);
  return { type, fullName: name, kind: type === 'table' ? (st.tables.get(name)?.kind ?? 'table') : type };
}

export function auditUc(audit: AuditSink, actor: Actor, action: string, params: Record<string, string>, err: unknown): void {
  const status = err instanceof UcError ? err.status : err ? 500 : 200;
  audit.append({
    serviceName: 'unityCatalog',
    actionName: action,
    email: actor.principal.name,
    requestParams: { ...params, metastore_id: METASTORE_ID },
    statusCode: status,
    errorMessage: err ? (err instanceof Error ? err.message : String(err)) : null,
    sourceIp: actor.meta.sourceIp,
    userAgent: actor.meta.userAgent,
    requestId: actor.meta.requestId,
  });
}

const typeLabel = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export async function updatePermissions(
  deps: UcDeps,
  actor: Actor,
  type: SecurableType,
  fullName: string,
  changes: GrantChange[],
): Promise<void> {
  const params = {
    securable_type: type,
    securable_full_name: fullName.toLowerCase(),
    changes: JSON.stringify(
      changes.map((c) => ({
        principal: c.principal,
        ...(c.add?.length ? { add: c.add } : {}),
        ...(c.remove?.length ? { remove: c.remove } : {}),
      })),
    ),
  };
  try {
    await deps.db.exclusive(() => applyChanges(deps, actor, type, fullName, changes));
    auditUc(deps.audit, actor, 'updatePermissions', params, null);
  } catch (err) {
    auditUc(deps.audit, actor, 'updatePermissions', params, err);
    throw err;
  }
}

async function applyChanges(deps: UcDeps, actor: Actor, type: SecurableType, fullName: string, changes: GrantChange[]): Promise<void> {
  const s = await resolveSecurable(deps.db, type, fullName);
  const model = await privilegeModel(deps.db);
  if (!model.canManage(s, principalSet(actor.principal), actor.principal.isAdmin)) {
    throw ucErrors.denied(`User does not have MANAGE on ${typeLabel(type)} '${s.fullName}'.`);
  }
  for (const change of changes) {
    if (!change.principal) throw ucErrors.invalid('Each change needs a principal.');
    for (const p of [...(change.add ?? []), ...(change.remove ?? [])]) {
      const problem = privilegeProblem(p, s.kind);
      if (problem) throw ucErrors.invalid(problem, 'INVALID_PRIVILEGE');
    }
    if (!BUILT_IN_GROUPS.has(change.principal) && !(await deps.directory.lookup(change.principal)))
      throw ucErrors.noPrincipal(change.principal);
  }
  await deps.db.transaction(async (c) => {
    for (const change of changes) {
      for (const privilege of change.add ?? []) {
        await c.run(`INSERT INTO uc_meta.grants VALUES ($1, $2, $3, $4, $5, now()::TIMESTAMP) ON CONFLICT DO NOTHING`, [
          type,
          s.fullName,
          change.principal,
          privilege,
          actor.principal.name,
        ]);
      }
      // REVOKE ALL PRIVILEGES takes what it implies with it, but not MANAGE (reference §10.2).
      const removed = new Set(change.remove ?? []);
      if (removed.has('ALL_PRIVILEGES')) for (const p of GRANTABLE[s.kind]) if (p !== 'MANAGE') removed.add(p);
      for (const privilege of removed) {
        await c.run(
          'DELETE FROM uc_meta.grants WHERE securable_type = $1 AND securable_full_name = $2 AND principal = $3 AND privilege = $4',
          [type, s.fullName, change.principal, privilege],
        );
      }
    }
  });
  changed(deps.db, 'grants');
}

export interface Assignment {
  principal: string;
  privileges: string[];
}

/** Direct grants on the securable, one entry per principal, sorted. */
export async function directAssignments(db: SimDb, s: Securable, principal?: string | null): Promise<Assignment[]> {
  const model = await privilegeModel(db);
  const by = new Map<string, string[]>();
  for (const g of model.direct(s)) {
    if (principal && g.principal !== principal) continue;
    by.set(g.principal, [...(by.get(g.principal) ?? []), g.privilege]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, privileges]) => ({ principal: p, privileges: privileges.sort() }));
}
