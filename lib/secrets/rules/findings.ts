// What is wrong with a secret scope, from what could be read of it: its keys, its ACL (principals resolved through the
// directory) and who read its keys lately (audit log). Each finding carries the reason a person reads on the page. A
// part that could not be read yields no finding at all — the page says it was not collected — never a pass.

export const PERMISSIONS = ['READ', 'WRITE', 'MANAGE'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const PERMISSION_RANK: Record<Permission, number> = { READ: 1, WRITE: 2, MANAGE: 3 };

export const FINDING_LEVELS = ['high', 'medium', 'low'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];
export const LEVEL_RANK: Record<FindingLevel, number> = { high: 3, medium: 2, low: 1 };

export const FINDING_CODES = ['all_users', 'stale_principal', 'stale_secrets', 'single_manager', 'unread_secrets', 'empty_scope'] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const FINDING_LABELS: Record<FindingCode, string> = {
  all_users: 'All users have access',
  stale_principal: 'Gone principal in ACL',
  stale_secrets: 'Not rotated for a year',
  single_manager: 'One manager',
  unread_secrets: 'Unread for 90 days',
  empty_scope: 'Empty scope',
};

export const PRINCIPAL_STATUSES = ['active', 'deactivated', 'deleted', 'unknown'] as const;
export type AclPrincipalStatus = (typeof PRINCIPAL_STATUSES)[number];
export const ACL_PRINCIPAL_KINDS = ['user', 'group', 'service_principal', 'unknown'] as const;

export interface AclView {
  principal: string;
  permission: Permission;
  kind: (typeof ACL_PRINCIPAL_KINDS)[number];
  displayName: string | null;
  /** `unknown`: the directory could not be read, so nothing is claimed. */
  status: AclPrincipalStatus;
}

export interface Finding {
  code: FindingCode;
  level: FindingLevel;
  text: string;
  /** The keys or principals the finding is about, so a screen can mark them. */
  keys?: string[];
  principals?: string[];
}

export interface ScopeFacts {
  name: string;
  /** null: the keys could not be listed (no READ, or Databricks failed). */
  keys: ReadonlyArray<{ key: string; lastUpdated: number | null }> | null;
  /** null: the ACL could not be read (no MANAGE, or Databricks failed). */
  acls: readonly AclView[] | null;
  /** When each key was last read successfully in the last 90 days; null when the audit log could not be read. */
  lastReads: ReadonlyMap<string, number> | null;
}

const DAY = 86_400_000;
export const STALE_AFTER_DAYS = 365;
export const UNREAD_DAYS = 90;
/** The groups every user and service principal is in (Databricks' all-users groups). */
export const EVERYONE = ['users', 'account users'] as const;

export const isEveryone = (principal: string) => (EVERYONE as readonly string[]).includes(principal.toLowerCase());

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (names: readonly string[]) =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${plural(names.length - 3, 'more', 'more')}`;
export const principalLabel = (a: Pick<AclView, 'principal' | 'displayName' | 'kind'>) =>
  a.displayName && a.displayName !== a.principal && a.kind !== 'group' ? a.displayName : a.principal;

function allUsers(acls: readonly AclView[]): Finding[] {
  return acls
    .filter((a) => isEveryone(a.principal))
    .map((a): Finding => {
      const who = `All workspace users (${a.principal})`;
      const text =
        a.permission === 'MANAGE'
          ? `${who} hold MANAGE: anyone can read and change these secrets and give others access.`
          : a.permission === 'WRITE'
            ? `${who} hold WRITE: anyone can read and overwrite these secrets.`
            : `${who} hold READ: anyone in the workspace can read these secrets.`;
      return { code: 'all_users', level: a.permission === 'READ' ? 'medium' : 'high', text, principals: [a.principal] };
    });
}

function gonePrincipals(acls: readonly AclView[]): Finding[] {
  const gone = acls.filter((a) => a.status === 'deactivated' || a.status === 'deleted');
  if (!gone.length) return [];
  const names = gone.map((a) => `${principalLabel(a)} (${a.status}, ${a.permission})`);
  return [
    {
      code: 'stale_principal',
      level: 'medium',
      text:
        gone.length === 1
          ? `${names[0]} is still in the ACL: remove the entry, or a reactivated or re-created account gets this access.`
          : `${list(names)} are still in the ACL: remove the entries, or reactivated or re-created accounts get this access.`,
      principals: gone.map((a) => a.principal),
    },
  ];
}

function singleManager(acls: readonly AclView[]): Finding[] {
  const managers = acls.filter((a) => a.permission === 'MANAGE');
  const only = managers[0];
  if (managers.length !== 1 || !only || only.kind !== 'user') return [];
  return [
    {
      code: 'single_manager',
      level: 'low',
      text: `Only ${principalLabel(only)} can manage this scope: if they leave, nobody but a workspace admin can change its access. Add a group as a second manager.`,
      principals: [only.principal],
    },
  ];
}

function staleSecrets(keys: NonNullable<ScopeFacts['keys']>, now: number): Finding[] {
  const stale = keys.filter((k) => k.lastUpdated !== null && now - k.lastUpdated > STALE_AFTER_DAYS * DAY);
  if (!stale.length) return [];
  const subject =
    stale.length === keys.length
      ? keys.length === 1
        ? 'The secret has'
        : `All ${keys.length} secrets have`
      : `${stale.length} of ${keys.length} secrets have`;
  return [
    {
      code: 'stale_secrets',
      level: 'medium',
      text: `${subject} not been updated for over a year: rotate ${stale.length === 1 ? 'it' : 'them'}.`,
      keys: stale.map((k) => k.key),
    },
  ];
}

/**
 * Keys nobody read in the last 90 days. Only keys unchanged for longer count: one written recently may simply not be
 * in use yet, and the audit window cannot say.
 */
function unreadSecrets(keys: NonNullable<ScopeFacts['keys']>, lastReads: ReadonlyMap<string, number>, now: number): Finding[] {
  const unread = keys.filter((k) => k.lastUpdated !== null && now - k.lastUpdated > UNREAD_DAYS * DAY && !lastReads.has(k.key));
  if (!unread.length) return [];
  return [
    {
      code: 'unread_secrets',
      level: 'low',
      text: `${unread.length === 1 ? `${unread[0]!.key} was` : `${plural(unread.length, 'secret')} were`} not read in the last ${UNREAD_DAYS} days: ${unread.length === 1 ? 'a candidate' : 'candidates'} to delete.`,
      keys: unread.map((k) => k.key),
    },
  ];
}

export function scopeFindings(s: ScopeFacts, now: number): Finding[] {
  const out: Finding[] = [];
  if (s.acls) out.push(...allUsers(s.acls), ...gonePrincipals(s.acls), ...singleManager(s.acls));
  if (s.keys) {
    if (s.keys.length === 0)
      out.push({ code: 'empty_scope', level: 'low', text: 'No secrets in this scope: delete it if nothing is going to use it.' });
    out.push(...staleSecrets(s.keys, now));
    if (s.lastReads) out.push(...unreadSecrets(s.keys, s.lastReads, now));
  }
  return out.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code));
}

/** The worst level among the findings, or null when there are none. */
export function worstLevel(findings: readonly Pick<Finding, 'level'>[]): FindingLevel | null {
  let worst: FindingLevel | null = null;
  for (const f of findings) if (worst === null || LEVEL_RANK[f.level] > LEVEL_RANK[worst]) worst = f.level;
  return worst;
}
