// Grant findings that need no policy: each says what is wrong with one grant, why it matters, and the change that
// fixes it (a REVOKE of that privilege, or for legacy USAGE a GRANT of its Unity Catalog name). Pure: the grants are
// the direct ones (as made, not as inherited) and principals come from the shared index.
import type { PrincipalIndex } from '@/lib/principals/rules';
import { EVERYONE_GROUPS } from '@/lib/principals/rules';
import type { DirectGrant } from './effective';
import { LEGACY_USAGE, WRITE_PRIVILEGES, splitFullName, sqlPrivilege, type SecurableType } from './privileges';

export const FINDING_LEVELS = ['high', 'medium', 'low', 'info'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];
export const LEVEL_RANK: Record<FindingLevel, number> = { info: 0, low: 1, medium: 2, high: 3 };

export const FINDING_CODES = [
  'broad_group_privileged',
  'service_principal_all_privileges',
  'privileged_non_admin',
  'write_on_curated',
  'grant_to_person',
  'inactive_principal',
  'legacy_usage',
  'no_recorded_use',
  'lineage_not_collected',
  'policy_excess',
  'policy_missing',
  'policy_unmentioned',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface GrantFix {
  action: 'GRANT' | 'REVOKE';
  /** SQL spelling. */
  privileges: string[];
  securableType: SecurableType;
  securable: string;
  principal: string;
}

export interface UsageEvidence {
  /** Days looked back. */
  days: number;
  /** ISO time of the last recorded use within the lineage Brickwatch read (up to a year), or null. */
  lastUsed: string | null;
  lastUsedBy: string | null;
}

export interface GrantFinding {
  code: FindingCode;
  level: FindingLevel;
  text: string;
  principal: string | null;
  securable: string | null;
  securableType: SecurableType | null;
  privilege: string | null;
  fix: GrantFix | null;
  evidence?: UsageEvidence;
}

/** Schemas that hold a curated (gold) layer when the policy does not name them: by their name. */
export const CURATED_SCHEMA = /^(gold|curated|marts?|presentation|serving)$/i;

export interface RuleContext {
  index: PrincipalIndex;
  /** The workspace admins group, whose members may hold MANAGE and ALL PRIVILEGES. */
  adminGroup: string;
  /** Full names (catalog.schema) of curated layers from the policy; empty: judged by schema name. */
  curated: readonly string[];
}

const revoke = (g: DirectGrant, privilege: string): GrantFix => ({
  action: 'REVOKE',
  privileges: [privilege],
  securableType: g.type,
  securable: g.securable,
  principal: g.principal,
});

const KIND_WORDS = {
  user: 'The person',
  service_principal: 'The service principal',
  group: 'The group',
  unknown: 'The principal',
} as const;

/** "The group data-engineering", "The service principal powerbi-gateway" (its display name; grants name its id). */
function who(p: { kind: keyof typeof KIND_WORDS; displayName: string | null; name: string }): string {
  return `${KIND_WORDS[p.kind]} ${p.kind === 'service_principal' ? (p.displayName ?? p.name) : p.name}`;
}
const TYPE_WORDS: Record<SecurableType, string> = {
  CATALOG: 'catalog',
  SCHEMA: 'schema',
  TABLE: 'table',
  VIEW: 'view',
  VOLUME: 'volume',
  FUNCTION: 'function',
};

export function describeSecurable(type: SecurableType, fullName: string): string {
  return `${TYPE_WORDS[type]} ${fullName}`;
}

export function isCurated(fullName: string, type: SecurableType, curated: readonly string[]): boolean {
  const { catalog, schema } = splitFullName(fullName);
  if (type === 'CATALOG' || schema === null) return false;
  const layer = `${catalog}.${schema}`.toLowerCase();
  return curated.length ? curated.some((c) => c.toLowerCase() === layer) : CURATED_SCHEMA.test(schema);
}

/** Every finding for every grant, most severe first. */
export function grantFindings(grants: readonly DirectGrant[], ctx: RuleContext): GrantFinding[] {
  const { index } = ctx;
  const isAdmin = (name: string) =>
    name.toLowerCase() === ctx.adminGroup.toLowerCase() ||
    index.groupsOf(name).some((g) => g.toLowerCase() === ctx.adminGroup.toLowerCase());
  const out: GrantFinding[] = [];
  for (const g of grants) {
    const privilege = sqlPrivilege(g.privilege);
    const p = index.resolve(g.principal);
    const on = describeSecurable(g.type, g.securable);
    const base = { principal: g.principal, securable: g.securable, securableType: g.type, privilege };
    const add = (code: FindingCode, level: FindingLevel, text: string, fix: GrantFix | null = revoke(g, privilege)) =>
      out.push({ code, level, text, ...base, fix });
    const everyone = (EVERYONE_GROUPS as readonly string[]).includes(g.principal.toLowerCase());
    const powerful = privilege === 'ALL PRIVILEGES' || privilege === 'MANAGE';

    if (privilege === LEGACY_USAGE) {
      const modern = g.type === 'CATALOG' ? 'USE CATALOG' : g.type === 'SCHEMA' ? 'USE SCHEMA' : null;
      add(
        'legacy_usage',
        'medium',
        `USAGE on ${on} is the legacy Hive-metastore privilege; Unity Catalog reads ${modern ?? 'no USAGE here'}.${modern ? ` Grant ${modern} instead, then revoke USAGE.` : ''}`,
        modern ? { action: 'GRANT', privileges: [modern], securableType: g.type, securable: g.securable, principal: g.principal } : null,
      );
      continue;
    }
    if (everyone && powerful) {
      add(
        'broad_group_privileged',
        'high',
        `${privilege} on ${on} is granted to ${g.principal}: everyone in the ${g.principal.toLowerCase() === 'users' ? 'workspace' : 'account'} can ${privilege === 'MANAGE' ? 'grant access to it' : 'read, change and grant it'}.`,
      );
    } else if (p.kind === 'service_principal' && privilege === 'ALL PRIVILEGES') {
      add(
        'service_principal_all_privileges',
        'high',
        `${who(p)} holds ALL PRIVILEGES on ${on}: a leaked credential could read, change and drop everything in it. Grant only what its job needs.`,
      );
    } else if (powerful && !isAdmin(g.principal)) {
      add(
        'privileged_non_admin',
        'medium',
        `${who(p)} is not a workspace admin but holds ${privilege} on ${on}${privilege === 'MANAGE' ? ', so can grant access to it to anyone' : ''}.`,
      );
    }
    if (
      (p.kind === 'user' || p.kind === 'service_principal') &&
      WRITE_PRIVILEGES.has(privilege) &&
      isCurated(g.securable, g.type, ctx.curated)
    ) {
      add(
        'write_on_curated',
        p.kind === 'service_principal' ? 'high' : 'medium',
        `${who(p)} can write to the curated layer (${privilege} on ${on}); only the pipelines that build it should.`,
      );
    }
    if (p.kind === 'user') {
      add(
        'grant_to_person',
        'low',
        `${privilege} on ${on} is granted to ${g.principal} personally. Grant it to a group instead, so access follows team membership.`,
      );
    }
    if (p.status !== 'active' && !everyone) {
      add(
        'inactive_principal',
        'medium',
        p.status === 'deleted'
          ? `${privilege} on ${on} is granted to ${g.principal}, who is no longer in the workspace directory.`
          : `${privilege} on ${on} is still granted to ${p.displayName ?? g.principal}, who is deactivated.`,
      );
    }
  }
  return out;
}
