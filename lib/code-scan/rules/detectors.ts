// The detectors: regular expressions for credential formats that identify themselves (a `dapi` token, an AWS key id,
// a PEM private key, a Slack webhook…) and, for everything else, a value assigned to a name that says it is a
// secret (`password = "…"`, `.option("password", "…")`, `api_token: …`) judged by how random it looks. Each
// candidate keeps where it sits on its line, so a specific detector can claim a span before a generic one does.
import { characterClasses, shannonEntropy } from './entropy';
import type { DetectorId } from './detector-ids';
import { nameStrength, type NameStrength } from './names';

export { DETECTOR_IDS, DETECTOR_LABELS, type DetectorId } from './detector-ids';

export interface Candidate {
  detector: DetectorId;
  /** Span of the value on its line: [start, end). */
  start: number;
  end: number;
  /** The credential as written. Never leaves the scanner: findings carry a masked preview only. */
  value: string;
  /** Characters at the start of `value` that are a format's public marker (`dapi`, `AKIA`, the PEM header). */
  publicPrefix: string;
  /** The name the value is assigned to, when the line says (`DATABRICKS_TOKEN`, `password`, a Spark conf key). */
  name: string | null;
  /** A specific format (true) beats a generic name-and-entropy guess (false) on the same span. */
  specific: boolean;
}

interface FormatRule {
  id: DetectorId;
  re: RegExp;
  /** Capture group holding the value (0: the whole match). */
  group?: number;
  prefix: (value: string) => string;
}

const literal = (p: string) => () => p;

const FORMATS: FormatRule[] = [
  { id: 'private-key', re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g, prefix: (v) => v },
  { id: 'databricks-token', re: /\bdapi[0-9a-f]{32}(?:-\d{1,2})?\b/g, prefix: literal('dapi') },
  { id: 'databricks-oauth-secret', re: /\bdose[0-9a-f]{32}\b/g, prefix: literal('dose') },
  { id: 'aws-access-key-id', re: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, prefix: (v) => v.slice(0, 4) },
  {
    id: 'github-token',
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b/g,
    prefix: (v) => v.slice(0, v.indexOf('_') + 1),
  },
  {
    id: 'slack-webhook',
    re: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g,
    prefix: (v) => v.slice(0, v.indexOf('/', 'https://hooks.slack.com/'.length) + 1),
  },
  // 64 random bytes in base64: 86 characters and '=='.
  { id: 'azure-storage-account-key', re: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/g, prefix: literal('') },
  { id: 'azure-sas-token', re: /\bsv=\d{4}-\d{2}-\d{2}&[^\s"'`]*?\bsig=([A-Za-z0-9%+/]{30,}={0,2})/g, group: 1, prefix: literal('') },
  { id: 'jdbc-password', re: /\bjdbc:[a-z0-9]+:[^\s"'`]*?[;?&]password=([^;&\s"'`]+)/gi, group: 1, prefix: literal('') },
];

/**
 * `name = "value"`, `name: 'value'`, `name <- "value"`, `"name": "value"`, `name="value"` (a keyword argument), and
 * `val name: String = "value"` (a type annotation).
 */
const ASSIGNED =
  /["']?([A-Za-z_][\w.-]*)["']?(?:\s*:\s*[A-Za-z_][\w.[\]<>]*(?=\s*=))?\s*(?::=|=>|<-|=(?!=)|:)\s*[rRbBuUfF]{0,2}("""|'''|"|')(.*?)\2/g;
/** `.set("name", "value")`, `.option("name", "value")`, `.config(…)`, `.setProperty(…)`: Spark conf and readers. */
const CALL_PAIR = /\.(?:set|option|config|setProperty|put)\(\s*(["'])([^"']+)\1\s*,\s*[rRbBuUfF]{0,2}(["'])([^"'\n]*)\3/g;
/** SQL `OPTIONS (password 'value')`. */
const SQL_OPTION = /\b(password|pwd|secret|token)\s+'([^'\n]*)'/gi;
/** `KEY=value` lines of .env, properties and shell exports, without quotes. */
const UNQUOTED = /^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*[=:]\s*([^\s"'#]+)\s*$/;
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/=-]{20,})/g;

/** Thresholds for values found by name: a password may be short, an arbitrary `key` must look random. */
function randomEnough(value: string, strength: Exclude<NameStrength, null>): boolean {
  if (/\s/.test(value)) return false;
  const classes = characterClasses(value);
  const entropy = shannonEntropy(value);
  if (strength === 'password') return value.length >= 6 && classes >= 2 && entropy >= 2.2;
  if (strength === 'secret') return value.length >= 16 && classes >= 2 && entropy >= 3.0;
  return value.length >= 20 && classes >= 3 && entropy >= 3.5;
}

function named(name: string, value: string, start: number): Candidate | null {
  const strength = nameStrength(name);
  if (!strength) return null;
  const base = { start, end: start + value.length, value, publicPrefix: '', name, specific: false };
  // An AWS secret key has a fixed shape; anything else by name is judged on how random it looks (placeholders and
  // references are ruled out later, by the safe patterns, so that they are recognised as such).
  if (/secret.?(access.?)?key|s3a?\.secret/i.test(name) && /^[A-Za-z0-9/+]{40}$/.test(value))
    return { ...base, detector: 'aws-secret-access-key', specific: true };
  const looksLikeReference = /\{\{|\$\{|\{[^}]*\}|<[^>]*>/.test(value);
  if (!looksLikeReference && !randomEnough(value, strength)) return null;
  return { ...base, detector: strength === 'password' ? 'password' : 'generic-secret' };
}

/** Every candidate on one line, specific formats first; overlapping ones are resolved by the scanner. */
export function candidatesIn(line: string, { keyValueLines = false }: { keyValueLines?: boolean } = {}): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of FORMATS) {
    for (const m of line.matchAll(rule.re)) {
      const value = m[rule.group ?? 0] ?? '';
      const start = (m.index ?? 0) + (rule.group ? m[0].lastIndexOf(value) : 0);
      out.push({
        detector: rule.id,
        start,
        end: start + value.length,
        value,
        publicPrefix: rule.prefix(value),
        name: null,
        specific: true,
      });
    }
  }
  for (const m of line.matchAll(ASSIGNED)) {
    const value = m[3] ?? '';
    const c = named(m[1] ?? '', value, (m.index ?? 0) + m[0].length - value.length - (m[2] ?? '').length);
    if (c) out.push(c);
  }
  for (const m of line.matchAll(CALL_PAIR)) {
    const value = m[4] ?? '';
    const c = named(m[2] ?? '', value, (m.index ?? 0) + m[0].length - value.length - 1);
    if (c) out.push(c);
  }
  for (const m of line.matchAll(SQL_OPTION)) {
    const value = m[2] ?? '';
    const c = named(m[1] ?? '', value, (m.index ?? 0) + m[0].length - value.length - 1);
    if (c) out.push(c);
  }
  if (keyValueLines) {
    const m = UNQUOTED.exec(line);
    if (m) {
      const c = named(m[1] ?? '', m[2] ?? '', line.lastIndexOf(m[2] ?? ''));
      if (c) out.push(c);
    }
  }
  for (const m of line.matchAll(BEARER)) {
    const value = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length - value.length;
    if (randomEnough(value, 'secret'))
      out.push({ detector: 'generic-secret', start, end: start + value.length, value, publicPrefix: '', name: null, specific: false });
  }
  return out.sort((a, b) => Number(b.specific) - Number(a.specific) || a.start - b.start);
}

/** Cheap test before the detectors run: most lines of code hold none of these. */
export const MAYBE_SECRET =
  /dapi|dose|AKIA|ASIA|gh[pousr]_|github_pat|hooks\.slack|PRIVATE KEY|==|sig=|jdbc:|pass|pwd|secret|token|key|cred|auth|bearer|sas|signature/i;
