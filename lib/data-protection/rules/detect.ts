// Which columns hold personal data, found three ways: by name (the word list below, applied in SQL as bound regular
// expressions so only candidates leave the warehouse), by column tags (`pii`, `class.*`, …), and by type hints (an
// email must be text; `pan` counts as a card number only when it is a STRING). Names are matched on word boundaries
// with a list of words that make a column a statistic about personal data rather than the data itself
// (`email_sent_count`, `address_verified`). The patterns are plain regular expressions that both Databricks (Java)
// and RE2 read: no look-arounds, no back-references.

export const SENSITIVE_KINDS = [
  'email',
  'phone',
  'national_id',
  'tax_id',
  'passport',
  'birth_date',
  'ip_address',
  'card_number',
  'iban',
  'account_number',
  'address',
  'person_name',
  'salary',
  'tagged',
] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

export const KIND_LABELS: Record<SensitiveKind, string> = {
  email: 'email address',
  phone: 'phone number',
  national_id: 'national id (SSN)',
  tax_id: 'tax id',
  passport: 'passport number',
  birth_date: 'birth date',
  ip_address: 'IP address',
  card_number: 'card number',
  iban: 'bank account (IBAN)',
  account_number: 'account number',
  address: 'postal address',
  person_name: 'person’s name',
  salary: 'salary',
  tagged: 'tagged as sensitive',
};

const B = '(^|[^a-z0-9])';
const E = '([^a-z0-9]|$)';
const word = (alternatives: string) => `${B}(${alternatives})${E}`;
const NUMBER = '_?(n(o|um|umber|br))?';

type TypeClass = 'string' | 'numeric' | 'date' | 'other';
const TEXT: TypeClass[] = ['string'];
const ANY: TypeClass[] = ['string', 'numeric', 'date', 'other'];

interface KindRule {
  kind: Exclude<SensitiveKind, 'tagged'>;
  /** Names that say it, whatever the type allows. */
  name: string;
  types: TypeClass[];
  /** Names that say it only together with a type (`pan` as text). */
  hint?: { name: string; types: TypeClass[] };
}

/** In order: the first rule that matches wins (an `ip_address` is an IP address, not a postal address). */
export const KIND_RULES: readonly KindRule[] = [
  { kind: 'email', name: word('e_?mail(_?addr(ess)?)?'), types: TEXT },
  { kind: 'ip_address', name: word('ip(_?addr(ess)?)?|ipv[46](_?addr(ess)?)?|(client|source|remote|src)_?ip|remote_?addr'), types: TEXT },
  { kind: 'phone', name: word('phone|mobile|cell_?phone|telephone|tel_?(no|num|number)|fax'), types: ['string', 'numeric'] },
  {
    kind: 'national_id',
    name: word(`ssn|social_?security${NUMBER}|national_?(id|insurance)${NUMBER}|nino|sin_?number|personal_?id${NUMBER}`),
    types: ANY,
  },
  { kind: 'tax_id', name: word(`tax_?(id|payer_?id)${NUMBER}|tin|vat_?(id|no|num|number)|itin|ein`), types: ANY },
  { kind: 'passport', name: word(`passport${NUMBER}`), types: ANY },
  {
    kind: 'birth_date',
    name: word('birth_?(date|day|dt)|date_?of_?birth|dob|birthday'),
    types: ANY,
    hint: { name: word('birth|born'), types: ['date'] },
  },
  {
    kind: 'card_number',
    name: word('card_?(number|num|no|nbr)|credit_?card(_?(number|num|no))?|cc_?(number|num|no)|primary_?account_?number'),
    types: ['string', 'numeric'],
    hint: { name: word('pan|cc'), types: TEXT },
  },
  { kind: 'iban', name: word(`iban|bank_?account${NUMBER}`), types: TEXT },
  { kind: 'account_number', name: word('(account|acct)_?(number|num|no|nbr)'), types: ['string', 'numeric'] },
  {
    kind: 'address',
    name: word(
      '(home_?|street_?|postal_?|mailing_?|billing_?|shipping_?)?address|addr(ess)?_?line_?[0-9]?|street|post(al)?_?code|zip(_?code)?',
    ),
    types: TEXT,
  },
  {
    kind: 'person_name',
    name: word(
      '(first|last|full|sur|given|family|middle|maiden|customer|employee|person|contact|candidate|patient|holder)_?name|surname|holder',
    ),
    types: TEXT,
  },
  { kind: 'salary', name: word('salary|salaries|compensation|wages?|bonus|pay_?rate|income|remuneration'), types: ANY },
];

/** Words that make a name about personal data rather than the data itself: counts, rates, flags, statuses, types. */
export const NOT_PERSONAL = word(
  'count|cnt|counts|rate|ratio|pct|percent|sent|opened|opens|open|clicks?|campaigns?|verified|valid|is|has|flag|opt|opted|optin|consent|status|type|format|domain|provider|bounced?|template|enabled|length|score|changed|updated|calls',
);

/**
 * The warehouse's filter, over lower(column_name): a superset of what the rules match (the unit test proves it on a
 * word list), so only candidates leave the warehouse. camelCase cannot be split in portable SQL, so distinctive words
 * match anywhere in the name; short ones (ip, ssn, pan…) only as words. The rules then judge each candidate.
 */
export const SQL_NAME_PATTERN = [
  'mail|phone|mobile|fax|social_?security|national_?(id|insurance)|personal_?id|passport|birth|born|address|addr|street|post(al)?_?code',
  'name|holder|salar|compensation|wage|bonus|pay_?rate|income|remuneration|iban|bank_?account|card|account_?(n|no|num)|acct_?(n|no|num)',
  'tax_?(id|payer)|vat_?(id|no|num)|itin|ipv[46]|(client|source|remote|src)_?ip|ip_?addr|remote_?addr|tel_?(no|num)',
  word('ip|ssn|nino|sin|tin|ein|dob|zip|pan|cc'),
].join('|');

/** `customerEmail` → `customer_email`: the rules read words. */
export function normaliseName(column: string): string {
  return column.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Tag names that mark a column sensitive (lower-cased): `pii`, `pii.*`, `class.*`, and common spellings. */
export const TAG_PATTERN = '^(pii|pii[._].*|class[._].*|classification|sensitive|sensitivity|personal_?data|gdpr|phi|pci)$';

export function typeClass(dataType: string): TypeClass {
  const t = dataType.trim().toLowerCase();
  if (/^(string|varchar|char)/.test(t)) return 'string';
  if (/^(tinyint|smallint|int|integer|bigint|long|short|byte|decimal|numeric|float|double|real)/.test(t)) return 'numeric';
  if (/^(date|timestamp)/.test(t)) return 'date';
  return 'other';
}

const kindFromTags = (tags: readonly string[]): SensitiveKind => {
  // `pii=email`, `class.pii=phone`: a tag value naming a kind says which.
  for (const tag of tags) {
    const value = tag.includes('=') ? tag.slice(tag.indexOf('=') + 1).toLowerCase() : '';
    const named = KIND_RULES.find((r) => r.kind === value || new RegExp(r.name).test(value));
    if (named) return named.kind;
  }
  return 'tagged';
};

export interface Detection {
  kind: SensitiveKind;
  sources: Array<'name' | 'tag' | 'type'>;
}

/** Whether a column is sensitive, what kind, and how that was found; null when it is not. */
export function detectColumn(column: string, dataType: string, tags: readonly string[] = []): Detection | null {
  const name = normaliseName(column);
  const type = typeClass(dataType);
  const personal = !new RegExp(NOT_PERSONAL).test(name);
  let found: Detection | null = null;
  if (personal) {
    for (const r of KIND_RULES) {
      if (new RegExp(r.name).test(name) && r.types.includes(type)) {
        found = { kind: r.kind, sources: ['name'] };
        break;
      }
      if (r.hint && new RegExp(r.hint.name).test(name) && r.hint.types.includes(type)) {
        found = { kind: r.kind, sources: ['name', 'type'] };
        break;
      }
    }
  }
  if (tags.length) {
    if (found) return { kind: found.kind, sources: [...found.sources, 'tag'] };
    return { kind: kindFromTags(tags), sources: ['tag'] };
  }
  return found;
}
