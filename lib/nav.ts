// The areas in the navigation, in order. Each area adds its entry here when its page lands; the shell shows only
// the entries the person's role may open (the pages check the role again on the server).
import type { Role } from './roles';

export type NavIcon = 'home' | 'key' | 'list' | 'shield';

export interface NavItem {
  href: string;
  label: string;
  /** One line for the overview's "areas" list. */
  description: string;
  role: Role;
  icon: NavIcon;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', description: 'Workspace, identity and connection health.', role: 'manager', icon: 'home' },
  {
    href: '/reports',
    label: 'Reports',
    description: 'Weekly summaries for managers: what changed, beside the week before, and what stood out.',
    role: 'manager',
    icon: 'list',
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
    href: '/tokens',
    label: 'Tokens',
    description: 'Every personal access token, its risk, the lifetime policy, rotation and revocation.',
    role: 'analyst',
    icon: 'key',
  },
];
