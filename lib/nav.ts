// The areas in the navigation, in order. Each area adds its entry here when its page lands; the shell shows only
// the entries the person's role may open (the pages check the role again on the server).
import type { Role } from './roles';

export type NavIcon = 'home' | 'key' | 'list' | 'shield' | 'grid' | 'lock' | 'eye-off' | 'file';

export interface NavItem {
  href: string;
  label: string;
  /** One line for the overview's "areas" list. */
  description: string;
  role: Role;
  icon: NavIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: '/',
    label: 'Posture',
    description: 'The security checklist, live: score, coverage, what to fix first; workspace and connection health.',
    role: 'manager',
    icon: 'home',
  },
  {
    href: '/reports',
    label: 'Reports',
    description: 'Weekly summaries for managers: what changed, beside the week before, and what stood out.',
    role: 'manager',
    icon: 'file',
  },
  {
    href: '/activity',
    label: 'Activity',
    description: 'Every change made through Brickwatch, tamper-evident.',
    role: 'analyst',
    icon: 'list',
  },
  {
    href: '/audit',
    label: 'Audit',
    description: 'What happened, when and by whom: sign-in failures, permission, token, secret and configuration changes.',
    role: 'analyst',
    icon: 'shield',
  },
  {
    href: '/secrets',
    label: 'Secrets',
    description: 'Secret scopes, their access lists and findings, and credentials left in cluster and job settings.',
    role: 'analyst',
    icon: 'lock',
  },
  {
    href: '/grants',
    label: 'Grants',
    description: 'Who can read what in Unity Catalog, least-privilege drift and unused grants, with reviewed GRANT and REVOKE.',
    role: 'analyst',
    icon: 'grid',
  },
  {
    href: '/data-protection',
    label: 'Data protection',
    description: 'Which personal data is masked or filtered, who still sees it raw, and one-click masks.',
    role: 'analyst',
    icon: 'eye-off',
  },
  {
    href: '/tokens',
    label: 'Tokens',
    description: 'Every personal access token, its risk, the lifetime policy, rotation and revocation.',
    role: 'analyst',
    icon: 'key',
  },
];
