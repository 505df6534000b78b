// Who a masking function lets see the raw value, read from its body. Masks written the way Databricks documents them
// are understood:
//   CASE WHEN is_account_group_member('hr') OR is_member('admins') THEN ssn ELSE '***' END
//   CASE WHEN NOT is_account_group_member('hr') THEN '***' ELSE ssn END
//   IF(current_user() IN ('a@x.com'), ssn, NULL)
// The raw branch must be the function's first parameter (the column) and the condition a combination of membership
// tests with OR (optionally negated as a whole). Anything else is "depends on the function": Brickwatch never
// guesses who sees raw values.

export type MaskAnalysis =
  | {
      kind: 'known';
      /** Raw values go to members of `groups` (and `users`), or to everyone except them. */
      rawFor: 'members' | 'non_members';
      groups: string[];
      users: string[];
    }
  | { kind: 'unknown'; reason: string };

const IDENT = '`?[A-Za-z_][A-Za-z0-9_]*`?';

function unquote(s: string): string {
  return s.trim().replace(/^`|`$/g, '');
}

/** Splits on a top-level keyword or comma (outside parentheses and string literals). */
function splitTop(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = text[i + 1] === quote ? (i++, quote) : null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(text);
      if (m && m.index === i) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

function stripParens(text: string): string {
  let t = text.trim();
  while (t.startsWith('(') && t.endsWith(')') && splitTop(t.slice(1, -1), /\)/y).length === 1) t = t.slice(1, -1).trim();
  return t;
}

/** `CASE WHEN c THEN a ELSE b END` with exactly one WHEN, read at the top level (nested CASE and calls skipped). */
function parseCase(text: string): [string, string, string] | null {
  const m = /^CASE\s+([\s\S]*)\s+END$/i.exec(text);
  if (!m) return null;
  const inner = m[1]!;
  const marks: Array<{ word: string; at: number; end: number }> = [];
  let depth = 0;
  let nested = 0;
  let quote: string | null = null;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (quote) {
      if (ch === quote) quote = inner[i + 1] === quote ? (i++, quote) : null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (/[A-Za-z]/.test(ch) && (i === 0 || !/[A-Za-z0-9_]/.test(inner[i - 1]!))) {
      const word = /^[A-Za-z_]+/.exec(inner.slice(i))![0].toUpperCase();
      if (depth === 0 && word === 'CASE') nested++;
      else if (depth === 0 && word === 'END') nested--;
      else if (depth === 0 && nested === 0 && ['WHEN', 'THEN', 'ELSE'].includes(word)) marks.push({ word, at: i, end: i + word.length });
      i += word.length - 1;
    }
  }
  if (marks.map((k) => k.word).join(' ') !== 'WHEN THEN ELSE' || marks[0]!.at !== 0) return null;
  return [
    inner.slice(marks[0]!.end, marks[1]!.at).trim(),
    inner.slice(marks[1]!.end, marks[2]!.at).trim(),
    inner.slice(marks[2]!.end).trim(),
  ];
}

const STRING = /^'((?:[^']|'')*)'$/;
const literal = (s: string) => STRING.exec(s.trim())?.[1]?.replace(/''/g, "'") ?? null;

/** A disjunction of membership tests → its groups and users, or null when it is anything else. */
function membership(condition: string): { groups: string[]; users: string[]; negated: boolean } | null {
  let c = stripParens(condition);
  let negated = false;
  const not = /^NOT\s+/i.exec(c);
  if (not) {
    negated = true;
    c = stripParens(c.slice(not[0].length));
  }
  const groups: string[] = [];
  const users: string[] = [];
  for (const atom of splitTop(c, /\s+OR\s+/iy)) {
    const a = stripParens(atom);
    const call = /^(is_account_group_member|is_member)\s*\(\s*('(?:[^']|'')*')\s*\)$/i.exec(a);
    if (call) {
      groups.push(literal(call[2]!)!);
      continue;
    }
    const eq = /^(current_user|session_user)\s*\(\s*\)\s*=\s*('(?:[^']|'')*')$/i.exec(a);
    if (eq) {
      users.push(literal(eq[2]!)!);
      continue;
    }
    const inList = /^(current_user|session_user)\s*\(\s*\)\s+IN\s*\((.*)\)$/i.exec(a);
    if (inList) {
      const values = splitTop(inList[2]!, /,/y).map(literal);
      if (values.some((v) => v === null)) return null;
      users.push(...(values as string[]));
      continue;
    }
    return null;
  }
  return { groups, users, negated };
}

/** `param`: the function's first parameter when known (information_schema.parameters / the functions API). */
export function analyseMask(body: string | null, param: string | null = null): MaskAnalysis {
  if (body === null || body.trim() === '') return { kind: 'unknown', reason: 'the function’s body cannot be read' };
  const text = stripParens(body.trim().replace(/;\s*$/, ''));
  let condition: string;
  let whenTrue: string;
  let whenFalse: string;
  const caseExpr = /^CASE\b/i.test(text) ? parseCase(text) : null;
  const ifExpr = /^IF\s*\(([\s\S]*)\)$/i.exec(text);
  if (caseExpr) {
    [condition, whenTrue, whenFalse] = caseExpr;
  } else if (/^CASE\b/i.test(text)) {
    return { kind: 'unknown', reason: 'the function is not a CASE with one WHEN' };
  } else if (ifExpr) {
    const args = splitTop(ifExpr[1]!, /,/y);
    if (args.length !== 3) return { kind: 'unknown', reason: 'the function is not a simple IF' };
    [condition, whenTrue, whenFalse] = args as [string, string, string];
  } else {
    return { kind: 'unknown', reason: 'the function is not a CASE WHEN … THEN … ELSE … END or IF(…) on group membership' };
  }
  const isRaw = (expr: string) =>
    new RegExp(`^${IDENT}$`).test(expr.trim()) &&
    !/^(null|true|false)$/i.test(expr.trim()) &&
    (param === null || unquote(expr).toLowerCase() === param.toLowerCase());
  const m = membership(condition);
  if (!m) return { kind: 'unknown', reason: 'its condition is more than group membership' };
  let rawWhenTrue: boolean;
  if (isRaw(whenTrue) && !isRaw(whenFalse)) rawWhenTrue = true;
  else if (isRaw(whenFalse) && !isRaw(whenTrue)) rawWhenTrue = false;
  else return { kind: 'unknown', reason: 'neither branch alone returns the column unchanged' };
  const toMembers = rawWhenTrue !== m.negated;
  return { kind: 'known', rawFor: toMembers ? 'members' : 'non_members', groups: m.groups, users: m.users };
}

/** Whether someone in `groups` (every group they are in, nested ones too) named `name` sees raw values. */
export function seesRaw(analysis: Extract<MaskAnalysis, { kind: 'known' }>, name: string, groups: readonly string[]): boolean {
  const lower = new Set(groups.map((g) => g.toLowerCase()));
  const member =
    analysis.groups.some((g) => lower.has(g.toLowerCase())) || analysis.users.some((u) => u.toLowerCase() === name.toLowerCase());
  return analysis.rawFor === 'members' ? member : !member;
}
