// Words for the grants screens: principals, securable types, finding kinds and levels.
import type { FindingCode, FindingLevel } from '@/lib/grants/rules/findings';
import type { SecurableType } from '@/lib/grants/rules/privileges';
import type { PrincipalRef } from '@/lib/principals/contract';

export const KIND_LABEL: Record<PrincipalRef['kind'], string> = {
  user: 'Person',
  group: 'Group',
  service_principal: 'Service principal',
  unknown: 'Unknown',
};

export const TYPE_LABEL: Record<SecurableType, string> = {
  CATALOG: 'Catalog',
  SCHEMA: 'Schema',
  TABLE: 'Table',
  VIEW: 'View',
  VOLUME: 'Volume',
  FUNCTION: 'Function',
};

/** Service principals are named by display name (grants name them by application id); others by the name grants use. */
export function principalLabel(p: Pick<PrincipalRef, 'name' | 'kind' | 'displayName'>): string {
  return p.kind === 'service_principal' && p.displayName ? p.displayName : p.name;
}

export const LEVEL_LABEL: Record<FindingLevel, string> = { high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export const CODE_LABEL: Record<FindingCode, string> = {
  broad_group_privileged: 'Everyone holds ALL PRIVILEGES or MANAGE',
  service_principal_all_privileges: 'Service principal with ALL PRIVILEGES',
  privileged_non_admin: 'MANAGE or ALL PRIVILEGES outside admins',
  write_on_curated: 'Writes on a curated layer',
  grant_to_person: 'Granted to a person',
  inactive_principal: 'Granted to a deactivated or deleted principal',
  legacy_usage: 'Legacy USAGE',
  no_recorded_use: 'No recorded use',
  lineage_not_collected: 'Lineage not collected',
  policy_excess: 'Beyond the policy',
  policy_missing: 'Missing from the policy',
  policy_unmentioned: 'Not in the policy',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
