// Posture's inputs from the Secrets area (issue 12): plain credentials in cluster and job configuration (check 3) and each
// secret scope's ACL (check 4), from the area's own cached reads: the plain-credential read its page shows, and every
// scope's ACL read without the keys (the check needs none, and it halves the calls at 300+ scopes). A source or a scope
// the area could not read becomes a gap, so the check is "not collected" rather than a pass; the scope list itself
// failing throws, and the runner says why.
import 'server-only';
import type { Gap } from '@/lib/posture/rules/types';
import type { SecretsInConfigInput } from '@/lib/posture/checks/secrets-in-config';
import type { ScopeAcl, SecretScopeAclsInput } from '@/lib/posture/checks/secret-scope-acls';
import type { CheckContext } from '@/lib/posture/checks/define';
import { upstreamReason } from '@/lib/databricks/upstream';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { PrincipalIndex } from '@/lib/principals/rules';
import { isEveryone, PERMISSION_RANK } from '@/lib/secrets/rules/findings';
import { loadScopeAcls } from '@/lib/secrets/server/inventory';
import type { AclEntry } from '@/lib/databricks/api/secrets';
import { loadPlainCredentials } from '@/lib/secrets/server/plain';

const SEE_EVERY_OBJECT = 'Workspace admin (to see every cluster and job)';

/** The Secrets area's plain-credential findings over every cluster and job it could read. */
export async function secretsInConfigInput(ctx: CheckContext): Promise<SecretsInConfigInput> {
  const read = await loadPlainCredentials(ctx.ws);
  const gaps: Gap[] = [];
  for (const [kind, source] of [
    ['clusters', read.sources.clusters],
    ['jobs', read.sources.jobs],
  ] as const)
    if (source.checked === null) gaps.push({ text: `The ${kind} could not be listed (${source.reason})`, needs: null });
  for (const n of read.notices)
    gaps.push({ text: n.message.replace(/\.$/, ''), needs: n.code === 'partial_view' ? SEE_EVERY_OBJECT : null });
  return {
    findings: read.findings.map((f) => ({
      objectKind: f.objectType,
      objectId: f.objectId,
      objectName: f.objectName,
      location: f.location,
      name: f.name,
    })),
    gaps,
  };
}

/** People and service principals who manage a scope through its ACL, groups expanded; deactivated and deleted left out. */
function managersOf(acls: readonly AclEntry[], index: PrincipalIndex): string[] {
  const out = new Map<string, string>();
  for (const entry of acls.filter((a) => a.permission === 'MANAGE')) {
    const p = index.resolve(entry.principal);
    const people = p.kind === 'group' ? index.members(p.name).map((m) => m.principal) : [p];
    for (const m of people)
      if ((m.kind === 'user' || m.kind === 'service_principal') && m.status === 'active')
        out.set(m.name.toLowerCase(), m.displayName ?? m.name);
  }
  return [...out.values()].sort((a, b) => a.localeCompare(b));
}

/** Each scope's ACL as check 4 judges it: what the all-users groups hold, and who manages it. */
export async function secretScopeAclsInput(ctx: CheckContext): Promise<SecretScopeAclsInput> {
  const [scopeAcls, directory] = await Promise.all([
    loadScopeAcls(ctx.ws),
    loadPrincipals(ctx.ws).then(
      (index) => ({ index, reason: null }),
      (e: unknown) => ({ index: null, reason: upstreamReason(e) }),
    ),
  ]);
  const scopes: ScopeAcl[] = [];
  const unread = { denied: [] as string[], failed: [] as string[] };
  for (const s of scopeAcls) {
    if (s.acls.state !== 'ok') {
      unread[s.acls.state].push(s.info.name);
      continue;
    }
    const everyone = s.acls.value.filter((a) => isEveryone(a.principal)).map((a) => a.permission);
    scopes.push({
      scope: s.info.name,
      usersPermission: everyone.sort((a, b) => PERMISSION_RANK[b] - PERMISSION_RANK[a])[0] ?? null,
      managers: directory.index ? managersOf(s.acls.value, directory.index) : null,
    });
  }
  const gaps: Gap[] = [];
  const lists = (names: string[]) =>
    names.length === 1
      ? `The access list of the scope ${names[0]}`
      : `The access lists of ${names.length} scopes (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
  if (unread.denied.length)
    gaps.push({ text: `${lists(unread.denied)} could not be read`, needs: 'MANAGE on every scope (workspace admins have it)' });
  if (unread.failed.length) gaps.push({ text: `${lists(unread.failed)} could not be read: Databricks failed`, needs: null });
  if (directory.reason)
    gaps.push({ text: `Managers could not be counted: the workspace directory could not be read (${directory.reason})`, needs: null });
  return { scopes, gaps };
}
