// Databricks SQL → DuckDB SQL: a few renames polyglot must not see, the polyglot transpiler, then identifier
// rewrites polyglot knows nothing about (names DuckDB reserves, Unity Catalog's information_schema). Parameters
// (`:name`, `?`) pass through untouched and are bound afterwards (params.ts).
import { Dialect, init, transpile } from '@polyglot-sql/sdk';
import { tokenize, type Token } from './tokens';

let ready: Promise<void> | null = null;

/** Loads the transpiler's WASM once (about 0.3 s). */
export function initTranslator(): Promise<void> {
  ready ??= init();
  return ready;
}

// Two-argument date_sub/date_add become DATE-returning shims (see shims.ts).
const PRE_RENAMES = new Map([
  ['date_sub', 'sim_date_sub'],
  ['date_add', 'sim_date_add'],
]);

import { INFO_SCHEMA_DUCK } from '../uc/names';

const significant = (t: Token) => t.kind !== 'ws' && t.kind !== 'comment';

function nextSignificant(tokens: Token[], from: number): number {
  let i = from;
  while (i < tokens.length && !significant(tokens[i] as Token)) i++;
  return i;
}

/** Number of top-level arguments of the call whose '(' is at `open`. */
function argCount(tokens: Token[], open: number): number {
  let depth = 0;
  let commas = 0;
  let empty = true;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'punct') {
      if (significant(t)) empty = false;
      continue;
    }
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') {
      depth--;
      if (depth === 0) return empty ? 0 : commas + 1;
    } else if (t.text === ',' && depth === 1) commas++;
  }
  return -1;
}

function preRename(sql: string): string {
  const tokens = tokenize(sql, 'databricks');
  let changed = false;
  tokens.forEach((t, i) => {
    const renamed = t.kind === 'ident' ? PRE_RENAMES.get(t.text.toLowerCase()) : undefined;
    const open = nextSignificant(tokens, i + 1);
    if (renamed && tokens[open]?.text === '(' && argCount(tokens, open) === 2) {
      t.text = renamed;
      changed = true;
    }
  });
  return changed ? tokens.map((t) => t.text).join('') : sql;
}

/**
 * Rewrites dotted names in DuckDB text: `system.access.audit` → `dbx_system.access.audit` (any catalog DuckDB
 * reserves, quoted or not), `<c>.information_schema.x` / `information_schema.x` → the simulator's schema, and a
 * bare `default` inside a dotted name → `"default"` (a DuckDB keyword).
 */
export function rewriteNames(duckSql: string, reservedCatalogs: ReadonlyMap<string, string>): string {
  const tokens = tokenize(duckSql, 'duckdb');
  const isName = (t: Token | undefined) => t !== undefined && (t.kind === 'ident' || t.kind === 'qident');
  let prev: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!significant(t)) continue;
    if (isName(t) && prev?.text !== '.') {
      const chain = [t];
      let j = i;
      for (;;) {
        const dot = nextSignificant(tokens, j + 1);
        const name = nextSignificant(tokens, dot + 1);
        if (tokens[dot]?.text !== '.' || !isName(tokens[name])) break;
        chain.push(tokens[name] as Token);
        j = name;
      }
      if (chain.length > 1) rewriteChain(chain, reservedCatalogs);
      prev = chain.at(-1);
      i = j;
      continue;
    }
    prev = t;
  }
  return tokens.map((t) => t.text).join('');
}

function rewriteChain(chain: Token[], reserved: ReadonlyMap<string, string>): void {
  const lower = (t: Token) => (t.value ?? t.text).toLowerCase();
  const [first, second] = chain as [Token, Token];
  if (chain.length >= 3) {
    const duck = reserved.get(lower(first));
    if (duck) first.text = duck;
    if (lower(second) === 'information_schema') second.text = INFO_SCHEMA_DUCK;
  } else if (lower(first) === 'information_schema') first.text = INFO_SCHEMA_DUCK;
  for (const t of chain) if (t.kind === 'ident' && lower(t) === 'default') t.text = '"default"';
}

/** Translates one Databricks statement; a statement polyglot cannot parse goes to DuckDB as written, so the
 *  error the caller sees is DuckDB's. */
export class Translator {
  private cache = new Map<string, string>();

  constructor(private readonly reservedCatalogs: ReadonlyMap<string, string>) {}

  translate(sql: string): string {
    const hit = this.cache.get(sql);
    if (hit !== undefined) return hit;
    const renamed = preRename(sql);
    const result = transpile(renamed, Dialect.Databricks, Dialect.DuckDB);
    const duck = result.success && result.sql?.length === 1 ? (result.sql[0] as string) : renamed;
    const out = rewriteNames(duck, this.reservedCatalogs);
    if (this.cache.size >= 500) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(sql, out);
    return out;
  }
}
