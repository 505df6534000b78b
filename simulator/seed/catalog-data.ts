// Row generators for the demo catalog's tables: deterministic SQL over range(), so even a large table costs one
// INSERT … SELECT. `rnd(key, n)` is a per-row pseudo-random integer in [0, n) fixed by the seed.
import { FIRST_NAMES, LAST_NAMES } from './names';

export interface Gen {
  /** DATE literal of the seed's "now". */
  today: string;
  rnd(key: string, n: number): string;
  pick(key: string, values: readonly string[]): string;
  /** A date within the last `days` days of `now`. */
  recentDate(key: string, days: number): string;
  recentTs(key: string, days: number): string;
  rows(n: number, exprs: string[]): string;
}

const list = (values: readonly string[]) => `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

export function generator(seed: number, now: Date, table: string): Gen {
  const salt = (key: string) => `'${table}:${key}', ${seed}`;
  const today = now.toISOString().slice(0, 10);
  const g: Gen = {
    today: `DATE '${today}'`,
    rnd: (key, n) => `CAST(hash(i, ${salt(key)}) % ${n} AS BIGINT)`,
    pick: (key, values) => `${list(values)}[1 + ${g.rnd(key, values.length)}]`,
    recentDate: (key, days) => `(DATE '${today}' - CAST(${g.rnd(key, days)} AS INTEGER))`,
    recentTs: (key, days) => `(TIMESTAMP '${today}' - to_seconds(${g.rnd(key, days * 86400)}))`,
    rows: (n, exprs) => `SELECT ${exprs.join(', ')} FROM (SELECT range AS i FROM range(${n}))`,
  };
  return g;
}

/** Prefix of the masking and row-filter functions' names. */
export const M = 'main.governance.';

export const REGIONS = ['US-East', 'US-West', 'EU-Central', 'APAC'];
export const PRODUCTS = ['Auto', 'Home', 'Life', 'Commercial Property', 'Travel'];

/** Person-like columns: full name, email, phone, SSN, date of birth and street address. */
export function personColumns(g: Gen, domain: string) {
  const first = g.pick('first', FIRST_NAMES);
  const last = g.pick(
    'last',
    LAST_NAMES.map((n) => (n === 'OBrien' ? "O'Brien" : n)),
  );
  return {
    fullName: `${first} || ' ' || ${last}`,
    email: `lower(${first} || '.' || replace(${last}, '''', '')) || i || '@${domain}'`,
    phone: `printf('+1-%03d-555-%04d', 200 + ${g.rnd('area', 700)}, ${g.rnd('line', 10000)})`,
    ssn: `printf('%03d-%02d-%04d', 100 + ${g.rnd('ssn1', 800)}, 10 + ${g.rnd('ssn2', 89)}, ${g.rnd('ssn3', 10000)})`,
    dob: `(DATE '1950-01-01' + CAST(${g.rnd('dob', 18000)} AS INTEGER))`,
    address: `(1 + ${g.rnd('no', 9000)}) || ' ' || ${g.pick('street', ['Harbor St', 'Pine Ave', 'Maple Rd', 'Oak Ln', 'Cedar Ct', 'Bay Blvd'])} || ', ' || ${g.pick('city', ['Boston', 'Portland', 'Austin', 'Denver', 'Chicago', 'Seattle'])}`,
    iban: `printf('DE%02d%010d%08d', ${g.rnd('ib1', 100)}, ${g.rnd('ib2', 10000000000)}, ${g.rnd('ib3', 100000000)})`,
  };
}
