// Check 10: service principals are not over-privileged: no ALL PRIVILEGES or MANAGE anywhere, and no write privilege
// granted on a whole catalog or the metastore (it reaches every schema and table below). The grants are the Grants
// area's (issue 13), handed over by lib/posture/server/inputs/grants.ts: the Unity Catalog grants held by service
// principals (directly or through groups, with the group named).
import 'server-only';
import type { CheckMeta, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { spPrivilegesInput } from '@/lib/posture/server/inputs/grants';
import { defineCheck, evidence } from './define';

export interface SpGrant {
  /** The service principal's application id. */
  principal: string;
  displayName: string | null;
  securable: string;
  securableType: 'METASTORE' | 'CATALOG' | 'SCHEMA' | 'TABLE' | 'VOLUME' | 'FUNCTION' | 'EXTERNAL_LOCATION' | 'STORAGE_CREDENTIAL' | string;
  privilege: string;
  /** The group the grant comes through, null when direct. */
  via: string | null;
}

export interface SpPrivilegesInput {
  grants: SpGrant[];
  gaps: Gap[];
}

const ALWAYS_BROAD = new Set(['ALL PRIVILEGES', 'MANAGE']);
const WRITES = new Set([
  'MODIFY',
  'CREATE SCHEMA',
  'CREATE TABLE',
  'CREATE VOLUME',
  'CREATE FUNCTION',
  'CREATE MODEL',
  'CREATE MATERIALIZED VIEW',
  'WRITE VOLUME',
  'WRITE FILES',
  'CREATE CATALOG',
  'CREATE EXTERNAL LOCATION',
  'CREATE STORAGE CREDENTIAL',
]);
const WIDE = new Set(['METASTORE', 'CATALOG']);

export function isBroadGrant(g: Pick<SpGrant, 'privilege' | 'securableType'>): boolean {
  const p = g.privilege.toUpperCase().replace(/_/g, ' ');
  return ALWAYS_BROAD.has(p) || (WRITES.has(p) && WIDE.has(g.securableType.toUpperCase()));
}

export const spPrivilegesMeta: CheckMeta = {
  id: 'sp-privileges',
  number: 10,
  title: 'Service principals are not over-privileged',
  category: 'Data governance',
  severity: 'high',
  reads: [
    {
      what: 'Unity Catalog grants on catalogs, schemas, tables, views, volumes and functions held by service principals, directly or through groups (Grants area: system.information_schema)',
      permission: 'Metastore admin, or ownership of the securables',
    },
  ],
  judges:
    'Fails for every ALL PRIVILEGES or MANAGE a service principal holds, and for every write privilege it holds on a whole catalog. Grants to all users are check 5’s.',
  fix: {
    text: 'Grant each service principal the privileges its workload uses, on the schemas and tables it writes, instead of ALL PRIVILEGES, MANAGE or catalog-wide writes.',
    label: 'Open Grants',
    href: '/grants',
    external: false,
  },
};

export function judgeSpPrivileges(input: SpPrivilegesInput) {
  const broad = input.grants.filter(isBroadGrant);
  const items = broad.map((g) =>
    evidence(
      `sp-grant:${g.principal}:${g.securable}:${g.privilege}`,
      g.displayName ?? g.principal,
      `${g.privilege} on ${g.securableType.toLowerCase()} ${g.securable}${g.via ? ` (through ${g.via})` : ''}`,
      `/grants?principal=${encodeURIComponent(g.principal)}`,
    ),
  );
  const sps = new Set(broad.map((g) => g.principal)).size;
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: 'No service principal holds ALL PRIVILEGES, MANAGE or a catalog-wide write.',
    failReason: () => `${plural(sps, 'service principal')} ${sps === 1 ? 'holds' : 'hold'} ${plural(items.length, 'broad grant')}.`,
  });
}

export const spPrivilegesCheck = defineCheck(spPrivilegesMeta, spPrivilegesInput, judgeSpPrivileges);
