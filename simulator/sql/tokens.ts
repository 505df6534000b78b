// A small SQL tokenizer, enough to rewrite identifiers and parameters without touching string literals,
// comments or quoted names. Two flavours: Databricks text (backtick identifiers; both quote kinds are strings,
// with backslash escapes) and DuckDB text (double-quoted identifiers; '' escapes).

export type TokenKind = 'ws' | 'comment' | 'string' | 'ident' | 'qident' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Identifiers: the name with quotes removed (case kept). Named parameters: the name. */
  value?: string;
}

export type Flavour = 'databricks' | 'duckdb';

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

function readQuoted(sql: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslash && ch === '\\') i += 2;
    else if (ch === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

export function tokenize(sql: string, flavour: Flavour): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number, value?: string) => {
    out.push(value === undefined ? { kind, text: sql.slice(i, end) } : { kind, text: sql.slice(i, end), value });
    i = end;
  };
  while (i < sql.length) {
    const ch = sql[i] as string;
    const next = sql[i + 1];
    if (/\s/.test(ch)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j] as string)) j++;
      push('ws', j);
    } else if (ch === '-' && next === '-') {
      const nl = sql.indexOf('\n', i);
      push('comment', nl < 0 ? sql.length : nl);
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      push('comment', end < 0 ? sql.length : end + 2);
    } else if (ch === "'") {
      push('string', readQuoted(sql, i, "'", flavour === 'databricks'));
    } else if (ch === '"') {
      if (flavour === 'databricks') push('string', readQuoted(sql, i, '"', true));
      else {
        const end = readQuoted(sql, i, '"', false);
        push('qident', end, sql.slice(i + 1, end - 1).replace(/""/g, '"'));
      }
    } else if (ch === '`' && flavour === 'databricks') {
      const end = readQuoted(sql, i, '`', false);
      push('qident', end, sql.slice(i + 1, end - 1).replace(/``/g, '`'));
    } else if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < sql.length && IDENT_PART.test(sql[j] as string)) j++;
      push('ident', j, sql.slice(i, j));
    } else if (/[0-9]/.test(ch) || (ch === '.' && next !== undefined && /[0-9]/.test(next))) {
      let j = i + 1;
      while (j < sql.length && /[0-9.eE]/.test(sql[j] as string)) j++;
      push('number', j);
    } else if (ch === ':' && next === ':') {
      push('punct', i + 2);
    } else if (ch === ':' && next !== undefined && IDENT_START.test(next) && out.at(-1)?.text !== ':') {
      let j = i + 2;
      while (j < sql.length && IDENT_PART.test(sql[j] as string)) j++;
      push('param', j, sql.slice(i + 1, j));
    } else if (ch === '?') {
      push('param', i + 1);
    } else {
      push('punct', i + 1);
    }
  }
  return out;
}

export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === 'ident' && t.text.toUpperCase() === word;
}

export function isName(t: Token | undefined): t is Token & { value: string } {
  return t !== undefined && (t.kind === 'ident' || t.kind === 'qident');
}

/** Renders a name as a DuckDB identifier, quoting only when needed. */
export function duckIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !DUCK_KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

// Names that DuckDB's parser treats as keywords in identifier position (the ones UC names realistically use).
const DUCK_KEYWORDS = new Set([
  'default',
  'user',
  'order',
  'group',
  'table',
  'select',
  'from',
  'where',
  'to',
  'all',
  'end',
  'case',
  'check',
  'primary',
  'references',
  'column',
  'grant',
  'analyse',
  'analyze',
]);
