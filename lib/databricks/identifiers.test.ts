import { describe, expect, it } from 'vitest';
import {
  InvalidIdentifierError,
  quoteColumnName,
  quoteFullName,
  quoteNamePart,
  quotePrincipal,
  quoteStringLiteral,
  sqlType,
} from './identifiers';

describe('quotePrincipal', () => {
  it.each([
    ['ann@example.com', '`ann@example.com`'],
    ['data-engineers', '`data-engineers`'],
    ['Data Platform Team', '`Data Platform Team`'],
    ['6f1a3c1e-8a6e-4a55-9c1c-3b2c7f7e2a10', '`6f1a3c1e-8a6e-4a55-9c1c-3b2c7f7e2a10`'],
    // Harmless inside back-quotes: they cannot end the identifier, so they stay part of the name.
    ['Zoë Ångström', '`Zoë Ångström`'],
    ['ops.team', '`ops.team`'],
    ['a--b', '`a--b`'],
    ['x; DROP TABLE t', '`x; DROP TABLE t`'],
    ["o'brien@example.com", "`o'brien@example.com`"],
  ])('%s', (name, quoted) => expect(quotePrincipal(name)).toBe(quoted));

  it.each(['', 'x`; DROP TABLE t; --', '`admins`', 'a\nb', 'a\u0000b', ' padded', 'x'.repeat(256)])('rejects %j', (name) => {
    expect(() => quotePrincipal(name)).toThrow(InvalidIdentifierError);
  });
});

describe('quoteFullName', () => {
  it('quotes each part of a catalog, schema or table name', () => {
    expect(quoteFullName('analytics')).toBe('`analytics`');
    expect(quoteFullName('analytics.silver.customers')).toBe('`analytics`.`silver`.`customers`');
    expect(quoteFullName('données.clients.clé')).toBe('`données`.`clients`.`clé`');
    expect(quoteFullName('a;b.c--d.e')).toBe('`a;b`.`c--d`.`e`');
  });

  it.each(['a.b.c.d', 'a..b', 'a.b c', 'a/b', 'a.`b`', '', 'a.b;DROP TABLE x', 'a.b\n', 'x`.`y'])('rejects %j', (name) => {
    expect(() => quoteFullName(name)).toThrow(InvalidIdentifierError);
  });

  it('never lets a part carry a dot, so a name cannot gain a level', () => {
    expect(() => quoteNamePart('gold.customers')).toThrow(InvalidIdentifierError);
  });
});

describe('quoteColumnName', () => {
  it.each([
    ['email', '`email`'],
    ['e-mail address', '`e-mail address`'],
    ['a.b', '`a.b`'],
    ['prénom', '`prénom`'],
    ['x;--', '`x;--`'],
  ])('%s', (name, quoted) => expect(quoteColumnName(name)).toBe(quoted));

  it.each(['', 'a`b', '`', 'a\tb', 'x'.repeat(256)])('rejects %j', (name) => {
    expect(() => quoteColumnName(name)).toThrow(InvalidIdentifierError);
  });
});

describe('quoteStringLiteral', () => {
  it.each([
    ['hr', "'hr'"],
    ['claims analytics', "'claims analytics'"],
    ['équipe-rh', "'équipe-rh'"],
    ['a--b;', "'a--b;'"],
  ])('%s', (v, quoted) => expect(quoteStringLiteral(v)).toBe(quoted));

  it.each(["o'brien", "x') OR true --", 'a\\', 'a\nb', ''])('rejects %j', (v) => {
    expect(() => quoteStringLiteral(v)).toThrow(InvalidIdentifierError);
  });
});

describe('sqlType', () => {
  it.each([
    ['string', 'STRING'],
    ['decimal(12,2)', 'DECIMAL(12,2)'],
    ['DECIMAL(12, 2)', 'DECIMAL(12,2)'],
    ['date', 'DATE'],
  ])('%s', (t, out) => expect(sqlType(t)).toBe(out));

  it.each(['struct<a:int>', 'array<string>', 'string; DROP', "string'", ''])('rejects %j', (t) => {
    expect(() => sqlType(t)).toThrow(InvalidIdentifierError);
  });
});
