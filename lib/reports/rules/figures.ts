// The figures a weekly report holds, their words, and the Audit page view behind each. The keys are part of the
// public API (GET /api/reports/{id} → figures[].key) and of stored snapshots: never rename one.
import { auditQueryToSearchParams, type AuditFilters } from '@/lib/audit/contract';
import type { Figure, FigureGroup } from '../contract';

export const FIGURE_KEYS = [
  'permission_changes',
  'failed_signins',
  'failing_ips',
  'signin_spikes',
  'tokens_created',
  'tokens_revoked',
  'tokens_expiring_next_week',
  'tokens_without_expiry',
  'secret_reads',
  'secret_changes',
  'admin_membership_changes',
  'posture_score',
  'posture_coverage',
  'findings_new',
  'findings_resolved',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

interface FigureSpec {
  label: string;
  group: FigureGroup;
  unit?: Figure['unit'];
  /** The Audit view of the events counted; null when no audit view shows them. */
  audit: AuditFilters | null;
  /** Said beside the link when the Audit page shows more than was counted. */
  linkNote?: string;
  note?: string;
}

export const FIGURES: Record<FigureKey, FigureSpec> = {
  permission_changes: { label: 'Permission changes', group: 'permissions', audit: { category: 'permissions', outcome: 'success' } },
  failed_signins: { label: 'Failed sign-ins', group: 'signins', audit: { category: 'signin', outcome: 'failure' } },
  failing_ips: { label: 'Addresses with failed sign-ins', group: 'signins', audit: { category: 'signin', outcome: 'failure' } },
  signin_spikes: { label: 'Failed sign-in spikes (hours)', group: 'signins', audit: { category: 'signin', outcome: 'failure' } },
  tokens_created: {
    label: 'Tokens created',
    group: 'tokens',
    audit: { service: 'accounts', action: 'generateDbToken', outcome: 'success' },
  },
  tokens_revoked: { label: 'Tokens revoked', group: 'tokens', audit: { service: 'accounts', action: 'revokeDbToken', outcome: 'success' } },
  tokens_expiring_next_week: {
    label: 'Tokens expiring next week',
    group: 'tokens',
    audit: null,
    note: 'Tokens created within the audit log’s year and not revoked by the end of the week; the Tokens page lists every live token.',
  },
  tokens_without_expiry: {
    label: 'Tokens created without expiry',
    group: 'tokens',
    audit: { service: 'accounts', action: 'generateDbToken', outcome: 'success' },
    linkNote: 'The Audit page lists every token created; those without an expiry say "never expires".',
  },
  secret_reads: {
    label: 'Secret reads',
    group: 'secrets',
    audit: { service: 'secrets', action: 'getSecret', outcome: 'success' },
    linkNote: "The Audit page also lists Brickwatch's own reads, which the report leaves out.",
  },
  secret_changes: {
    label: 'Secret and scope changes',
    group: 'secrets',
    audit: { category: 'secrets', outcome: 'success' },
    linkNote: 'The Audit page also lists secret reads and listings; the report counts changes only.',
  },
  admin_membership_changes: {
    label: 'Admin group membership changes',
    group: 'permissions',
    audit: { service: 'accounts', category: 'permissions', outcome: 'success' },
    linkNote: 'The Audit page lists every account permission change; look for "made an admin" and "removed from admins".',
  },
  posture_score: { label: 'Posture score', group: 'posture', unit: 'score', audit: null },
  posture_coverage: { label: 'Posture coverage', group: 'posture', unit: 'percent', audit: null },
  findings_new: { label: 'New findings', group: 'posture', audit: null },
  findings_resolved: { label: 'Resolved findings', group: 'posture', audit: null },
};

/** Permission changes by kind: one figure per audit service, keyed permission_changes.<service>. */
export const PERMISSION_KIND_LABELS: Record<string, string> = {
  unityCatalog: 'Unity Catalog grants',
  accounts: 'Workspace, token and group permissions',
  jobs: 'Job permissions',
  clusters: 'Cluster permissions',
  clusterPolicies: 'Cluster policy permissions',
  databrickssql: 'SQL warehouse and query permissions',
  workspace: 'Workspace object permissions',
  sqlPermissions: 'Legacy table ACLs',
  iamRole: 'Instance profile permissions',
};

export const PERMISSION_KIND_PREFIX = 'permission_changes.';

export function permissionKindLabel(service: string): string {
  return PERMISSION_KIND_LABELS[service] ?? `${service} permissions`;
}

/** The Audit page's search params for these filters over the report's week. */
export function auditLink(window: { from: Date; to: Date }, filters: AuditFilters): string {
  return auditQueryToSearchParams({ from: window.from, to: window.to, ...filters }).toString();
}

export interface Counted {
  value: number;
  previous: number;
}

/** A figure from its counts, or missing with the reason: a failed query is never a zero. */
export function figure(key: FigureKey, window: { from: Date; to: Date }, counted: Counted | { error: string }): Figure {
  const spec = FIGURES[key];
  const base = {
    key,
    label: spec.label,
    group: spec.group,
    ...(spec.unit ? { unit: spec.unit } : {}),
    link: spec.audit ? auditLink(window, spec.audit) : null,
    ...(spec.linkNote ? { linkNote: spec.linkNote } : {}),
    ...(spec.note ? { note: spec.note } : {}),
  };
  if ('error' in counted) return { ...base, value: null, previous: null, status: 'missing', reason: counted.error };
  return { ...base, value: counted.value, previous: counted.previous, status: 'ok' };
}

export function permissionKindFigure(service: string, window: { from: Date; to: Date }, counted: Counted): Figure {
  return {
    key: `${PERMISSION_KIND_PREFIX}${service}`,
    label: permissionKindLabel(service),
    group: 'permissions',
    value: counted.value,
    previous: counted.previous,
    status: 'ok',
    link: /^[A-Za-z][A-Za-z0-9_]*$/.test(service) ? auditLink(window, { service, category: 'permissions', outcome: 'success' }) : null,
  };
}

export function notCollected(key: FigureKey, reason: string): Figure {
  const spec = FIGURES[key];
  return {
    key,
    label: spec.label,
    group: spec.group,
    ...(spec.unit ? { unit: spec.unit } : {}),
    value: null,
    previous: null,
    status: 'not_collected',
    reason,
  };
}
