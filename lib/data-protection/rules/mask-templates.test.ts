import { describe, expect, it } from 'vitest';
import { analyseMask } from './mask-analysis';
import { groupSlug, maskedExpression } from './mask-templates';

describe('masking expressions', () => {
  it('fits the kind of data and the column type', () => {
    expect(maskedExpression('email', 'STRING', 'value')).toContain("substring(value, instr(value, '@'))");
    expect(maskedExpression('phone', 'STRING', 'value')).toBe("concat('***-***-', right(value, 4))");
    expect(maskedExpression('national_id', 'STRING', 'value')).toContain("repeat('*', length(value) - 4)");
    expect(maskedExpression('card_number', 'STRING', 'value')).toContain('right(value, 4)');
    expect(maskedExpression('birth_date', 'DATE', 'value')).toBe('make_date(year(value), 1, 1)');
    expect(maskedExpression('birth_date', 'TIMESTAMP', 'value')).toBe('CAST(NULL AS TIMESTAMP)');
    expect(maskedExpression('salary', 'DECIMAL(12,2)', 'value')).toBe('CAST(NULL AS DECIMAL(12,2))');
    expect(maskedExpression('address', 'STRING', 'value')).toBe("'****'");
  });

  it('never returns the raw value, so a mask built from it reads as one', () => {
    for (const kind of ['email', 'phone', 'national_id', 'ip_address', 'person_name'] as const) {
      const body = `CASE WHEN is_account_group_member('hr') THEN value ELSE ${maskedExpression(kind, 'STRING', 'value')} END`;
      expect(analyseMask(body, 'value')).toEqual({ kind: 'known', rawFor: 'members', groups: ['hr'], users: [] });
    }
  });

  it('names functions after the group in plain characters', () => {
    expect(groupSlug('claims-analytics')).toBe('claims_analytics');
    expect(groupSlug('Finance EMEA (read)')).toBe('finance_emea_read');
    expect(groupSlug('---')).toBe('group');
  });
});
