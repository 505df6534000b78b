import { describe, expect, it } from 'vitest';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { revokeSummary, tokenName } from './revoke-summary';

const row = (id: string, comment: string, owner = 'Maya Lind'): TokenRow => ({
  tokenId: id.repeat(8),
  comment,
  creationTime: 0,
  expiryTime: null,
  lastUsedDay: null,
  createdBy: null,
  owner: { id: '1', kind: 'user', name: 'maya@harborpine.com', displayName: owner, status: 'active' },
  risk: 'high',
  reasons: [],
  daysLeft: null,
});

describe('revoke wording', () => {
  it('names a token by its comment and owner, or by its id when it has no comment', () => {
    expect(tokenName(row('a', 'nightly-etl'))).toBe('nightly-etl (Maya Lind)');
    expect(tokenName(row('b', ''))).toBe('token bbbbbbbb… (Maya Lind)');
  });

  it('names what was revoked, and counts past three', () => {
    const rows = [row('a', 'one'), row('b', 'two'), row('c', 'three'), row('d', 'four'), row('e', 'five')];
    const ok = (r: TokenRow) => ({ tokenId: r.tokenId, status: 'revoked' as const, message: null });
    expect(revokeSummary([ok(rows[0]!)], rows)).toEqual({ message: 'Revoked one (Maya Lind)', ok: true });
    expect(revokeSummary(rows.slice(0, 2).map(ok), rows).message).toBe('Revoked 2 tokens: one (Maya Lind) and two (Maya Lind)');
    expect(revokeSummary(rows.map(ok), rows).message).toBe(
      'Revoked 5 tokens: one (Maya Lind), two (Maya Lind), three (Maya Lind) and 2 more',
    );
  });

  it('says what failed and why', () => {
    const rows = [row('a', 'one'), row('b', 'two')];
    const summary = revokeSummary(
      [
        { tokenId: rows[0]!.tokenId, status: 'revoked', message: null },
        { tokenId: rows[1]!.tokenId, status: 'failed', message: 'Revoking this token needs workspace admin rights.' },
      ],
      rows,
    );
    expect(summary).toEqual({
      message: 'Revoked one (Maya Lind). 1 token could not be revoked: two (Maya Lind) (Revoking this token needs workspace admin rights.)',
      ok: false,
    });
  });
});
