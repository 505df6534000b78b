// What a revoke confirmation lists and what its toast says, naming tokens as people know them: comment and owner.
import { count } from '@/lib/plural';
import type { RevokeResult } from '@/lib/tokens/contract';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { ownerLabel } from './format';

/** Tokens listed by name in a confirmation or a toast; the rest are counted ("and 12 more"). */
export const NAMED_IN_DIALOG = 20;
const NAMED_IN_TOAST = 3;

/** "nightly-etl (Maya Lind)", or the id's start when the token has no comment. */
export function tokenName(row: Pick<TokenRow, 'comment' | 'tokenId' | 'owner'>): string {
  return `${row.comment.trim() || `token ${row.tokenId.slice(0, 8)}…`} (${ownerLabel(row.owner)})`;
}

function names(rows: readonly TokenRow[], shown = NAMED_IN_TOAST): string {
  const first = rows.slice(0, shown).map(tokenName);
  const more = rows.length - first.length;
  if (more > 0) return `${first.join(', ')} and ${more} more`;
  return first.length > 1 ? `${first.slice(0, -1).join(', ')} and ${first.at(-1)}` : (first[0] ?? '');
}

/** The toast after revoking: what was revoked, by name, and what failed with the first reason. */
export function revokeSummary(results: readonly RevokeResult[], rows: readonly TokenRow[]): { message: string; ok: boolean } {
  const byId = new Map(rows.map((r) => [r.tokenId, r]));
  const row = (id: string): TokenRow =>
    byId.get(id) ??
    ({ tokenId: id, comment: '', owner: { id: null, kind: 'unknown', name: null, displayName: null, status: 'unknown' } } as TokenRow);
  const done = results.filter((r) => r.status !== 'failed').map((r) => row(r.tokenId));
  const failed = results.filter((r) => r.status === 'failed');
  const revoked = done.length ? `Revoked ${done.length === 1 ? '' : `${count(done.length, 'token')}: `}${names(done)}` : '';
  if (!failed.length) return { message: revoked, ok: true };
  const why = `${count(failed.length, 'token')} could not be revoked: ${names(failed.map((f) => row(f.tokenId)))} (${failed[0]!.message})`;
  return { message: revoked ? `${revoked}. ${why}` : why, ok: false };
}
