// SCIM filters (RFC 7644 §3.4.2.2) over rendered resources: eq ne co sw ew pr gt ge lt le, and/or/not, parentheses.
// Attribute names and string comparisons are case-insensitive (userName and displayName are caseExact=false).
import { ApiError } from '../core/contract';

export type Filter = (resource: Record<string, unknown>) => boolean;

const invalid = (msg: string) => new ApiError(400, 'INVALID_FILTER', `Invalid filter: ${msg}`);
const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()]+)/y;

export function parseFilter(text: string): Filter {
  const tokens: string[] = [];
  let end = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    tokens.push(m[1] as string);
    end = TOKEN.lastIndex;
  }
  if (text.slice(end).trim()) throw invalid(text);
  let i = 0;
  const peek = () => tokens[i]?.toLowerCase();
  const or = (): Filter => {
    const terms = [and()];
    while (peek() === 'or') {
      i++;
      terms.push(and());
    }
    return (x) => terms.some((t) => t(x));
  };
  const and = (): Filter => {
    const factors = [unary()];
    while (peek() === 'and') {
      i++;
      factors.push(unary());
    }
    return (x) => factors.every((f) => f(x));
  };
  const unary = (): Filter => {
    if (peek() === 'not') {
      i++;
      const inner = unary();
      return (x) => !inner(x);
    }
    if (peek() === '(') {
      i++;
      const inner = or();
      if (tokens[i++] !== ')') throw invalid('missing )');
      return inner;
    }
    return comparison();
  };
  const comparison = (): Filter => {
    const attr = tokens[i++];
    const op = tokens[i++]?.toLowerCase();
    if (!attr || !op) throw invalid(text);
    if (op === 'pr') return (x) => values(x, attr).some((v) => v !== null && v !== undefined && v !== '');
    const raw = tokens[i++];
    if (raw === undefined) throw invalid(`missing value after ${attr} ${op}`);
    return compare(attr, op, literal(raw));
  };
  const f = or();
  if (i !== tokens.length) throw invalid(text);
  return f;
}

function literal(raw: string): string | number | boolean | null {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  const n = Number(raw);
  if (Number.isFinite(n)) return n;
  throw invalid(`unquoted value ${raw}`);
}

function compare(attr: string, op: string, want: string | number | boolean | null): Filter {
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
  const w = norm(want);
  const test: Record<string, (v: unknown) => boolean> = {
    eq: (v) => norm(v) === w,
    ne: (v) => norm(v) !== w,
    co: (v) => typeof v === 'string' && typeof w === 'string' && v.toLowerCase().includes(w),
    sw: (v) => typeof v === 'string' && typeof w === 'string' && v.toLowerCase().startsWith(w),
    ew: (v) => typeof v === 'string' && typeof w === 'string' && v.toLowerCase().endsWith(w),
    gt: (v) => (norm(v) as number) > (w as number),
    ge: (v) => (norm(v) as number) >= (w as number),
    lt: (v) => (norm(v) as number) < (w as number),
    le: (v) => (norm(v) as number) <= (w as number),
  };
  const fn = test[op];
  if (!fn) throw invalid(`unknown operator ${op}`);
  // ne over a multi-valued attribute: true when no value equals; the others: true when any value matches.
  return op === 'ne' ? (x) => values(x, attr).every(fn) : (x) => values(x, attr).some(fn);
}

/** Every value at a dotted path, flattening multi-valued attributes (emails.value, groups.display…). */
export function values(resource: unknown, path: string): unknown[] {
  let current: unknown[] = [resource];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const c of current) {
      if (Array.isArray(c)) c.forEach((item) => next.push(field(item, part)));
      else next.push(field(c, part));
    }
    current = next.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return current;
}

function field(obj: unknown, name: string): unknown {
  if (!obj || typeof obj !== 'object') return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
}
