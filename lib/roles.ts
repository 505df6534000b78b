// Roles and their order. Client-safe (no server imports): the browser uses it only to hide what the server would refuse.
/** The one list of roles, lowest first; every schema and type of a role derives from it. */
export const ROLES = ['manager', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { manager: 'Manager', analyst: 'Analyst', admin: 'Admin' };

/** manager < analyst < admin: a higher role may do everything a lower one may. */
export function hasRole(actual: Role | null | undefined, required: Role): boolean {
  return actual != null && ROLES.indexOf(actual) >= ROLES.indexOf(required);
}

/** The highest role any of the person's groups maps to; group names compare case-insensitively, as SCIM does. */
export function roleFromGroups(groups: readonly string[], roleGroups: Record<Role, readonly string[]>): Role | null {
  const mine = new Set(groups.map((g) => g.toLowerCase()));
  for (const role of [...ROLES].reverse()) {
    if (roleGroups[role].some((g) => mine.has(g.toLowerCase()))) return role;
  }
  return null;
}
