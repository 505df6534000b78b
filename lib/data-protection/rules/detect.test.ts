import { describe, expect, it } from 'vitest';
import { detectColumn, NOT_PERSONAL, SQL_NAME_PATTERN, TAG_PATTERN } from './detect';

const kind = (name: string, type = 'string', tags: string[] = []) => detectColumn(name, type, tags)?.kind ?? null;

describe('finding personal data by name', () => {
  it.each([
    ['email', 'email'],
    ['customer_email', 'email'],
    ['EmailAddress', 'email'],
    ['contactEmail', 'email'],
    ['e_mail', 'email'],
    ['phone', 'phone'],
    ['mobile_number', 'phone'],
    ['ssn', 'national_id'],
    ['national_id', 'national_id'],
    ['tax_id', 'tax_id'],
    ['vat_number', 'tax_id'],
    ['passport_no', 'passport'],
    ['date_of_birth', 'birth_date'],
    ['dob', 'birth_date'],
    ['ip_address', 'ip_address'],
    ['client_ip', 'ip_address'],
    ['card_number', 'card_number'],
    ['credit_card', 'card_number'],
    ['account_iban', 'iban'],
    ['account_number', 'account_number'],
    ['home_address', 'address'],
    ['address_line1', 'address'],
    ['postcode', 'address'],
    ['first_name', 'person_name'],
    ['lastName', 'person_name'],
    ['full_name', 'person_name'],
    ['holder', 'person_name'],
    ['salary', 'salary'],
    ['base_compensation', 'salary'],
  ])('%s is %s', (name, expected) => {
    const type = expected === 'salary' ? 'decimal(12,2)' : expected === 'birth_date' ? 'date' : 'string';
    expect(kind(name, type)).toBe(expected);
  });

  it.each([
    'email_sent_count',
    'email_open_rate',
    'last_email_campaign',
    'phone_calls_count',
    'address_verified',
    'is_email_verified',
    'email_domain',
    'address_type',
    'card_type',
    'account_id',
    'table_name',
    'product_name',
    'region',
    'event_time',
    'company',
    'shipping_status',
  ])('%s is not personal data', (name) => {
    expect(kind(name)).toBeNull();
  });

  it('reads type hints: an email must be text, pan is a card number only as text, birth needs a date', () => {
    expect(kind('email', 'boolean')).toBeNull();
    expect(kind('pan', 'string')).toBe('card_number');
    expect(detectColumn('pan', 'string')?.sources).toEqual(['name', 'type']);
    expect(kind('pan', 'bigint')).toBeNull();
    expect(kind('card_number', 'bigint')).toBe('card_number');
    expect(kind('birth', 'date')).toBe('birth_date');
    expect(kind('birth', 'string')).toBeNull();
  });

  it('counts column tags, taking the kind from the tag value when it names one', () => {
    expect(detectColumn('notes', 'string', ['pii'])).toEqual({ kind: 'tagged', sources: ['tag'] });
    expect(detectColumn('contact', 'string', ['pii=email'])).toEqual({ kind: 'email', sources: ['tag'] });
    expect(detectColumn('email', 'string', ['class.confidential'])).toEqual({ kind: 'email', sources: ['name', 'tag'] });
    // A near miss by name that someone tagged is still sensitive.
    expect(kind('email_sent_count', 'bigint', ['pii'])).toBe('tagged');
  });

  it('filters in SQL with a superset of what the rules find', () => {
    const sql = new RegExp(SQL_NAME_PATTERN);
    const names = [
      'email',
      'contactEmail',
      'customer_email',
      'mobile_number',
      'ssn',
      'tax_id',
      'vat_number',
      'passport_no',
      'dob',
      'birth',
      'ip_address',
      'client_ip',
      'pan',
      'card_number',
      'cc_num',
      'account_iban',
      'acct_no',
      'postcode',
      'zip',
      'lastName',
      'holder',
      'salary',
      'nino',
      'tin',
      'ein',
    ];
    for (const n of names) {
      if (detectColumn(n, n === 'dob' || n === 'birth' ? 'date' : 'string') || detectColumn(n, 'bigint'))
        expect(n.toLowerCase()).toMatch(sql);
    }
    expect('region').not.toMatch(sql);
    expect('account_id').not.toMatch(sql);
    expect('email_sent_count').toMatch(new RegExp(NOT_PERSONAL));
    expect('pii').toMatch(new RegExp(TAG_PATTERN));
    expect('class.restricted').toMatch(new RegExp(TAG_PATTERN));
    expect('owner').not.toMatch(new RegExp(TAG_PATTERN));
  });
});
