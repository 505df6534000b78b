import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_FILTERS, TOKENS_URL } from './tokens/contract';
import { ownedParams, patchQuery, recordWrite, settle, shownUrl, urlKey, withOwned, type Pending } from './url-state-writes';

const at = (search: string) => urlKey('/tokens', search);
const S0 = at('');
const S1 = at('q=a');
const S2 = at('q=ab');
const S3 = at('q=abc');

/** Writes made one after another while Next shows `base`, as useUrlState records them. */
function writes(base: string, ...urls: string[]): Pending {
  let pending: Pending | null = null;
  let before = base;
  for (const url of urls) {
    pending = recordWrite(pending, before, url);
    before = url;
  }
  return pending!;
}

describe('which URL a page shows while Next catches up with its writes', () => {
  it('shows the last write while Next still shows the URL it was written over, or any written since', () => {
    const pending = writes(S0, S1, S2, S3);
    expect(shownUrl(S0, pending)).toBe(S3);
    expect(shownUrl(S1, pending)).toBe(S3);
    expect(shownUrl(S2, pending)).toBe(S3);
    expect(shownUrl(S3, pending)).toBe(S3);
  });

  it("shows Next's URL when nothing is pending, or when Next shows another URL (a link, a redirect, another page)", () => {
    expect(shownUrl(S1, null)).toBe(S1);
    expect(shownUrl(at('risk=high'), writes(S0, S1))).toBe(at('risk=high'));
    expect(shownUrl(urlKey('/grants', ''), writes(S0, S1))).toBe(urlKey('/grants', ''));
  });

  it('compares the written form of a URL with the form Next shows', () => {
    expect(urlKey('/tokens', '?risk=high,medium&q=a+b')).toBe(urlKey('/tokens', 'risk=high%2Cmedium&q=a%20b'));
  });

  it('starts a new chain when the URL moved on since the last write', () => {
    expect(recordWrite(writes(S0, S1), S1, S2)).toEqual({ base: S0, chain: [S1, S2] });
    expect(recordWrite(writes(S0, S1), at('risk=high'), S2)).toEqual({ base: at('risk=high'), chain: [S2] });
  });
});

describe('retiring writes Next has shown', () => {
  it('retires the chain once Next shows the last write, so Back to the base shows the base', () => {
    const pending = writes(S0, S1, S2);
    expect(settle(pending, S2)).toBeNull();
    expect(shownUrl(S0, settle(pending, S2))).toBe(S0);
  });

  it('keeps the writes Next has not shown yet when it shows one part-way', () => {
    expect(settle(writes(S0, S1, S2, S3), S1)).toEqual({ base: S1, chain: [S2, S3] });
    expect(settle(writes(S0, S1, S2), S0)).toEqual(writes(S0, S1, S2));
  });

  it('retires the chain when Next shows a URL it never wrote', () => {
    expect(settle(writes(S0, S1), at('risk=high'))).toBeNull();
    expect(settle(null, S1)).toBeNull();
  });

  it('keeps a chain that returns to its base until Next is surely past the first write', () => {
    // Typed "a" then deleted it: Next shows '' both before and after; only after it has shown "a" is it done.
    const pending = writes(S0, S1, S0);
    expect(settle(pending, S0)).toBe(pending);
    const partWay = settle(pending, S1);
    expect(partWay).toEqual({ base: S1, chain: [S0] });
    expect(shownUrl(S1, partWay)).toBe(S0);
    expect(settle(partWay, S0)).toBeNull();
  });

  it('never changes what a page shows for the URL it settles on', () => {
    const cases: Pending[] = [writes(S0, S1), writes(S0, S1, S2, S3), writes(S0, S1, S0), writes(S0, S1, S2, S1)];
    for (const pending of cases)
      for (const next of [S0, S1, S2, S3, at('risk=high')]) expect(shownUrl(next, settle(pending, next))).toBe(shownUrl(next, pending));
  });

  it('shows every keystroke at once while Next applies them late, one transition at a time', () => {
    let pending: Pending | null = null;
    let next = S0;
    let before = S0;
    const shown: string[] = [];
    for (const url of [S1, S2, S3]) {
      pending = recordWrite(pending, before, url);
      before = url;
      shown.push(shownUrl(next, pending));
    }
    for (const url of [S1, S2, S3]) {
      next = url;
      shown.push(shownUrl(next, pending));
      pending = settle(pending, next);
    }
    expect(shown).toEqual([S1, S2, S3, S3, S3, S3]);
    expect(pending).toBeNull();
  });
});

describe('a patch → the next query string', () => {
  it('applies a patch to the state of the URL it is given, so two quick changes both land', () => {
    const first = patchQuery(TOKENS_URL, '', { risk: ['high'] });
    expect(first).toBe('?risk=high');
    expect(patchQuery(TOKENS_URL, first, { ownerType: 'service_principal' })).toBe('?risk=high&ownerType=service_principal');
    expect(patchQuery(TOKENS_URL, first, (s) => ({ ...s, q: 'etl' }))).toBe('?risk=high&q=etl');
  });

  it('keeps params the page does not own, and an owned key in its place', () => {
    expect(patchQuery(TOKENS_URL, '?q=old&tab=rotation&risk=low', { q: 'new' })).toBe('?q=new&tab=rotation&risk=low');
    expect(patchQuery(TOKENS_URL, '?tab=rotation&risk=low', { risk: undefined })).toBe('?tab=rotation');
    expect(patchQuery(TOKENS_URL, '?risk=low', () => DEFAULT_TOKEN_FILTERS)).toBe('');
  });

  it('hands parse every value of a repeated owned key, and nothing it does not own', () => {
    expect([...ownedParams('?risk=high&tab=x&risk=medium', ['risk'])]).toEqual([
      ['risk', 'high'],
      ['risk', 'medium'],
    ]);
    expect(TOKENS_URL.parse(ownedParams('?risk=high&risk=medium', TOKENS_URL.keys)).risk).toEqual(['high', 'medium']);
  });

  it('writes every value serialize gives an owned key, new keys in the order the page lists them', () => {
    const params = new URLSearchParams([
      ['b', '2'],
      ['a', '1'],
      ['a', '3'],
      ['stray', 'x'],
    ]);
    expect(withOwned('?keep=1', ['a', 'b'], params)).toBe('?keep=1&a=1&a=3&b=2');
    expect(withOwned('?a=0&keep=1&a=9', ['a', 'b'], params)).toBe('?a=1&a=3&keep=1&b=2');
  });

  it('leaves URLs readable and round-trips any value', () => {
    const value = 'a&b=c #1 +50% "x" <y> 2025-01-01T10:00:00Z/é,ö';
    const query = withOwned('', ['q', 'range'], new URLSearchParams({ range: 'high,medium', q: value }));
    expect(query.startsWith('?q=a%26b=c+%231+%2B50%25+%22x%22+%3Cy%3E+2025-01-01T10:00:00Z/é,ö&range=high,medium')).toBe(true);
    expect(new URLSearchParams(query).get('q')).toBe(value);
    expect(new URLSearchParams(query).get('range')).toBe('high,medium');
  });
});
