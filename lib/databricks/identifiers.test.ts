import { describe, expect, it } from 'vitest';
import { InvalidIdentifierError, quoteFullName, quotePrincipal } from './identifiers';

describe('quotePrincipal', () => {
  it.each([
    ['ann@example.com', '`ann@example.com`'],
    ['data-engineers', '`data-engineers`'],
    ['Data Platform Team', '`Data Platform Team`'],
    ['6f1a3c1e-8a6e-4a55-9c1c-3b2c7f7e2a10', '`6f1a3c1e-8a6e-4a55-9c1c-3b2c7f7e2a10`'],
  ])('%s', (name, quoted) => expect(quotePrincipal(name)).toBe(quoted));

  it.each(['', 'x`; DROP TABLE t; --', 'a\nb', ' padded', 'x'.repeat(256)])('rejects %j', (name) => {
    expect(() => quotePrincipal(name)).toThrow(InvalidIdentifierError);
  });
});

describe('quoteFullName', () => {
  it('quotes each part of a catalog, schema or table name', () => {
    expect(quoteFullName('analytics')).toBe('`analytics`');
    expect(quoteFullName('analytics.silver.customers')).toBe('`analytics`.`silver`.`customers`');
  });

  it.each(['a.b.c.d', 'a..b', 'a.b c', 'a/b', 'a.`b`', ''])('rejects %j', (name) => {
    expect(() => quoteFullName(name)).toThrow(InvalidIdentifierError);
  });
});
