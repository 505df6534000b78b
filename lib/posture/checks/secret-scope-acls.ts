// Check 4: secret scope ACLs are narrow: the all-users group holds no MANAGE or WRITE, and every scope has more than
// one manager (one person's departure must not orphan it). The ACLs are the Secrets area's (issue 12), handed over by
// lib/posture/server/inputs/secrets.ts: per scope, what `users` holds and who manages it.
import 'server-only';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { secretScopeAclsInput } from '@/lib/posture/server/inputs/secrets';
import { defineCheck, evidence } from './define';

export interface ScopeAcl {
  scope: string;
  /** The all-users group's permission on the scope, null when it holds none. */
  usersPermission: 'READ' | 'WRITE' | 'MANAGE' | null;
  /**
   * People and service principals holding MANAGE, groups expanded (lib/principals), deactivated ones left out.
   * Workspace admins' implicit MANAGE does not count: it is not a decision about this scope. null: not known (the
   * directory could not be read to expand groups; a gap says so), so this scope's managers are not judged.
   */
  managers: string[] | null;
}

export interface SecretScopeAclsInput {
  scopes: ScopeAcl[];
  gaps: Gap[];
}

export const secretScopeAclsMeta: CheckMeta = {
  id: 'secret-scope-acls',
  number: 4,
  title: 'Secret scope access is narrow',
  category: 'Secrets',
  severity: 'medium',
  reads: [{ what: 'Every secret scope and its ACL (Secrets area)', permission: 'MANAGE on every scope (workspace admins have it)' }],
  judges: 'Fails for each scope where the group "users" holds MANAGE or WRITE, and for each scope with one manager or none.',
  fix: {
    text: 'Remove MANAGE and WRITE from "users" (grant READ to the groups that need it), and give every scope a second manager, ideally a group.',
    label: 'Open Secrets',
    href: '/secrets',
    external: false,
  },
};

export function judgeSecretScopeAcls(input: SecretScopeAclsInput) {
  const items: Evidence[] = [];
  for (const s of [...input.scopes].sort((a, b) => a.scope.localeCompare(b.scope))) {
    const href = `/secrets/${encodeURIComponent(s.scope)}`;
    if (s.usersPermission === 'MANAGE' || s.usersPermission === 'WRITE')
      items.push(evidence(`scope:${s.scope}:users`, s.scope, `Every workspace user holds ${s.usersPermission}`, href));
    if (s.managers !== null && s.managers.length <= 1)
      items.push(
        evidence(
          `scope:${s.scope}:managers`,
          s.scope,
          s.managers.length === 0 ? 'No manager besides workspace admins' : `${s.managers[0]} is the only manager`,
          href,
        ),
      );
  }
  const scopes = new Set(items.map((i) => i.label)).size;
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: `All ${plural(input.scopes.length, 'scope')} keep "users" to READ or less and have more than one manager.`,
    failReason: () => `${plural(scopes, 'scope')} of ${input.scopes.length} ${scopes === 1 ? 'is' : 'are'} too open or too thinly managed.`,
  });
}

export const secretScopeAclsCheck = defineCheck(secretScopeAclsMeta, secretScopeAclsInput, judgeSecretScopeAcls);
