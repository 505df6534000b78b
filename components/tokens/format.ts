// Dates and durations as the tokens page shows them: ISO calendar days (UTC) so every reader sees the same date.
import { daysSince, isoDay } from '@/lib/security/token-risk';
import type { TokenOwner, TokenRow } from '@/lib/security/token-types';

export function expiryText(row: Pick<TokenRow, 'expiryTime' | 'daysLeft'>): string {
  if (row.expiryTime === null || row.daysLeft === null) return 'Never';
  if (row.daysLeft <= 0) return `Expired ${isoDay(row.expiryTime)}`;
  return `${isoDay(row.expiryTime)} · ${row.daysLeft} d left`;
}

export function lastUsedText(lastUsedDay: number | null, now: number): string {
  if (lastUsedDay === null) return 'No recorded use';
  const ago = daysSince(lastUsedDay, now);
  return ago <= 0 ? 'Today' : `${isoDay(lastUsedDay)} · ${ago} d ago`;
}

export function ownerLabel(owner: TokenOwner): string {
  return owner.displayName ?? owner.name ?? (owner.id ? `#${owner.id}` : 'Unknown');
}

export const OWNER_KIND_LABEL: Record<TokenOwner['kind'], string> = { user: 'Person', service_principal: 'Service principal', unknown: 'Unknown' };
