// Dates, ages and names as the secrets screens show them: calendar days in UTC (every reader sees the same date) and
// ages in whole units with correct plurals.
import type { ActorView, AclEntryView } from '@/lib/secrets/contract';

const DAY = 86_400_000;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "today", "3 days ago", "5 months ago", "2 years ago". */
export function ago(ms: number, now: number): string {
  const days = Math.floor((now - ms) / DAY);
  if (days <= 0) return 'today';
  if (days < 60) return `${plural(days, 'day')} ago`;
  if (days < 730) return `${plural(Math.floor(days / 30.44), 'month')} ago`;
  return `${plural(Math.floor(days / 365.25), 'year')} ago`;
}

export const KIND_LABEL: Record<AclEntryView['kind'], string> = {
  user: 'Person',
  group: 'Group',
  service_principal: 'Service principal',
  unknown: 'Unknown',
};

/** What people call the principal: a person's or service principal's display name; a group's own name. */
export function principalLabel(p: Pick<ActorView, 'name' | 'displayName' | 'kind'>): string {
  return p.kind !== 'group' && p.displayName ? p.displayName : p.name;
}

export const PERMISSION_HELP = {
  READ: 'read secret values and list keys',
  WRITE: 'also write and delete secrets',
  MANAGE: 'also change this list and delete the scope',
} as const;
