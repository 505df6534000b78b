// Parses the Unity Catalog statements the warehouse answers itself (reference §10.4, §11), from Databricks text:
// back-quoted names (emails, names with spaces), privilege names with spaces, masks, row filters, SQL functions.
// Returns null for anything else; throws a syntax error for a statement that starts like one of these but is not.
import { sqlError } from '../sql/errors';
import { type Token, isName, isWord } from '../sql/tokens';
import { Cursor } from './command-cursor';
import { normalizePrivilege, type SecurableType } from './privileges';

export interface SecurableRef {
  type: SecurableType;
  /** Name parts as written (1–3); resolved against the session's catalog and schema later. */
  parts: string[];
}

export type UcCommand =
  | { kind: 'grant' | 'revoke'; privileges: string[]; securable: SecurableRef; principal: string }
  | { kind: 'show_grants'; principal: string | null; securable: SecurableRef }
  | { kind: 'set_mask'; table: string[]; column: string; fn: string[]; using: string[] }
  | { kind: 'drop_mask'; table: string[]; column: string }
  | { kind: 'set_row_filter'; table: string[]; fn: string[]; inputs: string[] }
  | { kind: 'drop_row_filter'; table: string[] }
  | { kind: 'set_tags'; table: string[]; column: string; tags: Array<[string, string]> }
  | { kind: 'unset_tags'; table: string[]; column: string; tags: string[] }
  | {
      kind: 'create_function';
      name: string[];
      orReplace: boolean;
      ifNotExists: boolean;
      params: Array<{ name: string; type: string }>;
      returnType: string | null;
      body: string;
    }
  | { kind: 'drop_function'; name: string[]; ifExists: boolean }
  | { kind: 'use'; level: 'catalog' | 'schema'; parts: string[] }
  | { kind: 'show_catalogs' }
  | { kind: 'show_schemas'; catalog: string | null }
  | { kind: 'show_tables'; schema: string[] | null };

const SECURABLE_WORDS: Record<string, SecurableType> = {
  CATALOG: 'catalog',
  SCHEMA: 'schema',
  DATABASE: 'schema',
  TABLE: 'table',
  VIEW: 'table',
  FUNCTION: 'function',
  VOLUME: 'volume',
};
const OTHER_SECURABLES = ['EXTERNAL', 'STORAGE', 'CONNECTION', 'SHARE', 'METASTORE', 'MODEL', 'RECIPIENT', 'PROVIDER', 'CREDENTIAL'];

function literalOrName(t: Token | undefined): string {
  if (isName(t)) return t.value;
  if (t?.kind === 'number') return t.text;
  if (t?.kind === 'string') return `'${t.text.slice(1, -1).replace(/\\(.)/g, '$1').replace(/'/g, "''")}'`;
  throw sqlError('PARSE_SYNTAX_ERROR', `Syntax error at or near '${t?.text ?? 'end of input'}'.`, '42601');
}

function stringValue(t: Token | undefined, c: Cursor): string {
  if (t?.kind !== 'string') c.fail();
  return t.text.slice(1, -1).replace(/\\(.)/g, '$1');
}

function securable(c: Cursor): SecurableRef {
  const w = c.peek()?.text.toUpperCase() ?? '';
  if (OTHER_SECURABLES.includes(w)) {
    throw sqlError('UNSUPPORTED_FEATURE', `Grants on ${w.toLowerCase()} securables are not modelled by the simulator.`, '0A000');
  }
  const type = SECURABLE_WORDS[w];
  if (type) c.next();
  return { type: type ?? 'table', parts: c.qualified() };
}

function privileges(c: Cursor): string[] {
  const out: string[] = [];
  do {
    const words: string[] = [];
    while (c.peek()?.kind === 'ident' && !['ON', 'TO', 'FROM'].some((w) => isWord(c.peek(), w))) words.push(c.next()?.text ?? '');
    if (!words.length) c.fail();
    out.push(normalizePrivilege(words.join(' ')));
  } while (c.punct(','));
  return out;
}

function parseAlterTable(c: Cursor): UcCommand | null {
  const table = c.qualified();
  if (c.words('SET', 'ROW', 'FILTER')) {
    const fn = c.qualified();
    c.expectWord('ON');
    c.expectPunct('(');
    const inputs: string[] = [];
    if (!c.punct(')')) {
      do inputs.push(literalOrName(c.next()));
      while (c.punct(','));
      c.expectPunct(')');
    }
    c.end();
    return { kind: 'set_row_filter', table, fn, inputs };
  }
  if (c.words('DROP', 'ROW', 'FILTER')) return (c.end(), { kind: 'drop_row_filter', table });
  if (!(c.word('ALTER') || c.word('CHANGE'))) return null;
  c.word('COLUMN');
  const column = c.name();
  if (c.words('SET', 'MASK')) {
    const fn = c.qualified();
    const using: string[] = [];
    if (c.words('USING', 'COLUMNS')) {
      c.expectPunct('(');
      do using.push(literalOrName(c.next()));
      while (c.punct(','));
      c.expectPunct(')');
    }
    c.end();
    return { kind: 'set_mask', table, column, fn, using };
  }
  if (c.words('DROP', 'MASK')) return (c.end(), { kind: 'drop_mask', table, column });
  if (c.words('SET', 'TAGS') || c.words('UNSET', 'TAGS')) {
    const unset = isWord(c.peek(-2), 'UNSET');
    c.expectPunct('(');
    const tags: Array<[string, string]> = [];
    do {
      const key = stringValue(c.next(), c);
      tags.push([key, unset ? '' : (c.expectPunct('='), stringValue(c.next(), c))]);
    } while (c.punct(','));
    c.expectPunct(')');
    c.end();
    return unset ? { kind: 'unset_tags', table, column, tags: tags.map(([k]) => k) } : { kind: 'set_tags', table, column, tags };
  }
  return null;
}

function parseCreateFunction(c: Cursor, orReplace: boolean): UcCommand {
  const ifNotExists = c.words('IF', 'NOT', 'EXISTS');
  const name = c.qualified();
  c.expectPunct('(');
  const params: Array<{ name: string; type: string }> = [];
  if (!c.punct(')')) {
    do {
      const pname = c.name();
      const type = c.untilListEnd(['DEFAULT', 'COMMENT']);
      // DEFAULT and COMMENT clauses do not matter to the simulator.
      if (c.peek()?.text !== ',' && c.peek()?.text !== ')') c.untilListEnd();
      params.push({ name: pname, type });
    } while (c.punct(','));
    c.expectPunct(')');
  }
  let returnType: string | null = null;
  while (!c.done() && !isWord(c.peek(), 'RETURN')) {
    if (c.word('RETURNS'))
      returnType = c.untilListEnd(['LANGUAGE', 'COMMENT', 'DETERMINISTIC', 'NOT', 'CONTAINS', 'READS', 'RETURN', 'SQL']);
    else c.next();
  }
  c.expectWord('RETURN');
  const body = c.rest();
  if (!body) c.fail();
  return { kind: 'create_function', name, orReplace, ifNotExists, params, returnType, body };
}

export function parseUcCommand(text: string): UcCommand | null {
  const c = new Cursor(text);
  if (c.word('GRANT') || c.word('REVOKE')) {
    const kind = isWord(c.peek(-1), 'GRANT') ? 'grant' : 'revoke';
    const privs = privileges(c);
    c.expectWord('ON');
    const target = securable(c);
    c.expectWord(kind === 'grant' ? 'TO' : 'FROM');
    const principal = c.name();
    c.end();
    return { kind, privileges: privs, securable: target, principal };
  }
  if (c.words('SHOW', 'GRANTS') || c.words('SHOW', 'GRANT')) {
    const principal = isWord(c.peek(), 'ON') ? null : c.name();
    c.expectWord('ON');
    const target = securable(c);
    c.end();
    return { kind: 'show_grants', principal, securable: target };
  }
  if (c.words('ALTER', 'TABLE') || c.words('ALTER', 'VIEW')) return parseAlterTable(c);
  if (c.words('CREATE', 'OR', 'REPLACE', 'FUNCTION')) return parseCreateFunction(c, true);
  if (c.words('CREATE', 'FUNCTION')) return parseCreateFunction(c, false);
  if (c.words('DROP', 'FUNCTION')) {
    const ifExists = c.words('IF', 'EXISTS');
    const name = c.qualified();
    c.end();
    return { kind: 'drop_function', name, ifExists };
  }
  if (c.word('USE')) {
    const level = c.word('CATALOG') ? 'catalog' : (c.word('SCHEMA') || c.word('DATABASE'), 'schema');
    const parts = c.qualified();
    c.end();
    return { kind: 'use', level, parts };
  }
  if (c.words('SHOW', 'CATALOGS')) return (c.end(), { kind: 'show_catalogs' });
  if (c.words('SHOW', 'SCHEMAS') || c.words('SHOW', 'DATABASES')) {
    const catalog = c.word('IN') || c.word('FROM') ? c.name() : null;
    c.end();
    return { kind: 'show_schemas', catalog };
  }
  if (c.words('SHOW', 'TABLES')) {
    const schema = c.word('IN') || c.word('FROM') ? c.qualified() : null;
    c.end();
    return { kind: 'show_tables', schema };
  }
  return null;
}
