import { describe, expect, it } from 'vitest';
import { analyseMask, seesRaw } from './mask-analysis';

describe('reading who a mask shows raw values to', () => {
  it('reads the seeded masks', () => {
    expect(
      analyseMask(
        "CASE WHEN is_account_group_member('security-analysts') OR is_account_group_member('claims-analytics') THEN email ELSE regexp_replace(email, '^[^@]+', '***') END",
      ),
    ).toEqual({ kind: 'known', rawFor: 'members', groups: ['security-analysts', 'claims-analytics'], users: [] });
    expect(
      analyseMask("CASE WHEN is_account_group_member('admins') THEN ssn ELSE concat('***-**-', right(ssn, 4)) END", 'ssn'),
    ).toMatchObject({
      groups: ['admins'],
    });
  });

  it('reads negated conditions, IF, is_member, current_user and parentheses', () => {
    expect(analyseMask("CASE WHEN NOT is_account_group_member('hr') THEN '***' ELSE ssn END")).toEqual({
      kind: 'known',
      rawFor: 'members',
      groups: ['hr'],
      users: [],
    });
    expect(analyseMask("IF(is_member('finance') OR current_user() IN ('a@x.com', 'b@x.com'), iban, NULL)")).toEqual({
      kind: 'known',
      rawFor: 'members',
      groups: ['finance'],
      users: ['a@x.com', 'b@x.com'],
    });
    expect(analyseMask("(CASE WHEN (is_account_group_member('x')) THEN NULL ELSE v END)")).toMatchObject({
      rawFor: 'non_members',
      groups: ['x'],
    });
    expect(analyseMask("CASE WHEN current_user() = 'o''neil@x.com' THEN v ELSE '*' END")).toMatchObject({ users: ["o'neil@x.com"] });
  });

  it('says "depends on the function" for anything else', () => {
    for (const body of [
      null,
      '',
      "CASE WHEN region = 'EU' THEN email ELSE '***' END",
      "CASE WHEN is_account_group_member('hr') AND hour(now()) < 18 THEN ssn ELSE '***' END",
      "CASE WHEN is_account_group_member('hr') THEN ssn WHEN is_member('x') THEN ssn ELSE '*' END",
      "CASE WHEN is_account_group_member('hr') THEN upper(ssn) ELSE '***' END",
      'sha2(email, 256)',
    ]) {
      expect(analyseMask(body).kind, String(body)).toBe('unknown');
    }
    // With the parameter known, a bare identifier that is another column is not the raw value.
    expect(analyseMask("CASE WHEN is_member('hr') THEN other_col ELSE '*' END", 'ssn').kind).toBe('unknown');
  });

  it('decides per person from their groups, nested ones included', () => {
    const a = analyseMask("CASE WHEN is_account_group_member('HR') THEN s ELSE '*' END");
    if (a.kind !== 'known') throw new Error('expected a known mask');
    expect(seesRaw(a, 'ann@x.com', ['users', 'hr'])).toBe(true);
    expect(seesRaw(a, 'bo@x.com', ['users'])).toBe(false);
    expect(seesRaw({ ...a, rawFor: 'non_members' }, 'bo@x.com', ['users'])).toBe(true);
  });
});
