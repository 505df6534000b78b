// What a new masking function shows people outside the allowed group, by kind of data and column type: enough to
// recognise a value (the domain of an email, the last four digits of an id, the year of a birth date), never enough to
// use it. Expressions are Databricks SQL over the function's parameter; the group test and quoting are added by the
// server (lib/data-protection/server/statements.ts).
import type { SensitiveKind } from './detect';
import { typeClass } from './detect';

/** `mask_<stem>` is the function's name (plus the group when it is not the default one). */
export const FUNCTION_STEM: Record<SensitiveKind, string> = {
  email: 'email',
  phone: 'phone',
  national_id: 'ssn',
  tax_id: 'tax_id',
  passport: 'passport',
  birth_date: 'birth_date',
  ip_address: 'ip',
  card_number: 'card',
  iban: 'iban',
  account_number: 'account',
  address: 'address',
  person_name: 'name',
  salary: 'salary',
  tagged: 'value',
};

const lastFour = (v: string) => `CASE WHEN length(${v}) > 4 THEN concat(repeat('*', length(${v}) - 4), right(${v}, 4)) ELSE '****' END`;

/** The masked value for people outside the group; `type` is the column's SQL type (upper-case). */
export function maskedExpression(kind: SensitiveKind, type: string, v: string): string {
  const cls = typeClass(type);
  if (cls === 'string') {
    switch (kind) {
      case 'email':
        return `CASE WHEN instr(${v}, '@') > 0 THEN concat('***', substring(${v}, instr(${v}, '@'))) ELSE '***' END`;
      case 'phone':
        return `concat('***-***-', right(${v}, 4))`;
      case 'national_id':
      case 'tax_id':
      case 'passport':
      case 'card_number':
      case 'iban':
      case 'account_number':
        return lastFour(v);
      case 'ip_address':
        return `CASE WHEN instr(${v}, '.') > 0 THEN concat(split_part(${v}, '.', 1), '.', split_part(${v}, '.', 2), '.x.x') ELSE '****' END`;
      case 'person_name':
        return `concat(left(${v}, 1), '***')`;
      default:
        return `'****'`;
    }
  }
  if (cls === 'date' && kind === 'birth_date' && type === 'DATE') return `make_date(year(${v}), 1, 1)`;
  return `CAST(NULL AS ${type})`;
}

/** A group name as part of a function name: `claims-analytics` → `claims_analytics`. */
export function groupSlug(group: string): string {
  return (
    group
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 60) || 'group'
  );
}
