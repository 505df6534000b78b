// Dates and durations as the tokens page shows them: ISO calendar days (UTC) so every reader sees the same date.
import { daysSince, isoDay } from '@/lib/tokens/rules/risk';
import type { TokenOwner, TokenRow } from '@/lib/tokens/rules/types';

/** [main line, second line] of a two-line cell. */
export type Lines = [string, string];

export function expiryLines(row: Pick<TokenRow, 'expiryTime' | 'daysLeft'>): Lines {
  if (row.expiryTime === null || row.daysLeft === null) return ['Never', 'no expiry'];
  return [isoDay(row.expiryTime), row.daysLeft <= 0 ? 'expired' : `${row.daysLeft} d left`];
}

export function lastUsedLines(lastUsedDay: number | null, now: number): Lines {
  if (lastUsedDay === null) return ['—', 'no recorded use'];
  const ago = daysSince(lastUsedDay, now);
  return [isoDay(lastUsedDay), ago <= 0 ? 'today' : `${ago} d ago`];
}

export function ownerLabel(owner: TokenOwner): string {
  return owner.displayName ?? owner.name ?? (owner.id ? `#${owner.id}` : 'Unknown');
}

export const OWNER_KIND_LABEL: Record<TokenOwner['kind'], string> = {
  user: 'Person',
  service_principal: 'Service principal',
  unknown: 'Unknown',
};
