import { describe, expect, it } from 'vitest';
import type { TokenRow } from '@/lib/tokens/rules/types';
import { tokensToCsv } from './token-csv';

const row: TokenRow = {
  tokenId: 'abc',
  comment: '=HYPERLINK("x"), nightly',
  creationTime: Date.UTC(2026, 0, 2),
  expiryTime: null,
  lastUsedDay: null,
  createdBy: 'ana@example.com',
  owner: { id: '7', kind: 'service_principal', name: 'app-1', displayName: 'etl-bot', status: 'deactivated' },
  risk: 'high',
  reasons: [
    { code: 'no_expiry', level: 'high', text: 'Never expires' },
    { code: 'owner_inactive', level: 'high', text: 'Service principal etl-bot is deactivated, yet the token was never revoked' },
  ],
  daysLeft: null,
};

describe('tokensToCsv', () => {
  it('writes one column per fact, each named for what it holds, quotes where needed and defuses formulas', () => {
    expect(tokensToCsv([row]).split('\r\n')).toEqual([
      'token_id,risk,reasons,owner_display_name,owner_user_name,owner_application_id,owner_scim_id,owner_type,owner_status,comment,created,created_by,expires,days_left,last_used',
      `abc,high,"Never expires; Service principal etl-bot is deactivated, yet the token was never revoked",etl-bot,,app-1,7,service_principal,deactivated,"'=HYPERLINK(""x""), nightly",2026-01-02,ana@example.com,never,,`,
      '',
    ]);
  });

  it('puts a person’s user name and a service principal’s application id in their own columns', () => {
    const person = {
      ...row,
      owner: { id: '9', kind: 'user' as const, name: 'maya@harborpine.com', displayName: 'Maya Lind', status: 'active' as const },
    };
    const line = tokensToCsv([person]).split('\r\n')[1]!;
    expect(line).toContain(',Maya Lind,maya@harborpine.com,,9,user,active,');
  });
});
