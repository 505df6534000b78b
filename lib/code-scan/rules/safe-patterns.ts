// What looks like a credential but is not one, so it is never reported: references to a secret scope, lookups at run
// time, interpolated values, placeholders, test fixtures, the example keys from vendors' documentation, digests and
// ids. Each answer names the reason, so tests (and a curious reader) can see why a line was let through.
import type { Candidate } from './detectors';
import { isRepetitive } from './entropy';
import { isDigestName, isFixtureName } from './names';

export const SAFE_REASONS = [
  'secret-reference',
  'secret-scope-lookup',
  'interpolation',
  'placeholder',
  'test-fixture',
  'documented-example',
  'checksum',
  'identifier',
  'trivial',
] as const;
export type SafeReason = (typeof SAFE_REASONS)[number];

/** `{{secrets/scope/key}}`: Databricks resolves it from a secret scope; the notebook never holds the value. */
const SECRET_REFERENCE = /\{\{\s*secrets\/[^}]+\}\}/;
/** dbutils.secrets.get(…), the SQL secret(…) function, and the SDK's secrets API read the value at run time. */
const SECRET_LOOKUP = /\b(?:dbutils\.secrets\.get(?:Bytes)?|secrets\.get(?:_secret)?|secret|getSecret)\s*\(/;
/** f-strings, ${…}, $(…), %s, a whole value that is a $variable (Scala, shell) or a shell $VARIABLE. */
const INTERPOLATION = /\{[^{}]*\}|\$\{[^}]*\}|\$\([^)]*\)|%\(\w+\)s|%s|^\$[A-Za-z_]\w*$|\$[A-Z_][A-Z0-9_]{2,}\b/;
const PLACEHOLDER =
  /<[^<>]*>|\byour[-_ ]|x{4,}|\*{3,}|\.\.\.|…|change[-_]?me|replace[-_ ]?me|placeholder|redacted|\btodo\b|\bfixme\b|^\s*$/i;
/** AWS documents its examples with EXAMPLE in the key (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY). */
const DOCUMENTED = /EXAMPLE/;
const TRIVIAL = new Set([
  'test',
  'testing',
  'password',
  'passw0rd',
  'secret',
  'admin',
  'root',
  'changeme',
  'example',
  'default',
  'none',
  'null',
]);
const HEX_DIGEST = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The variable a line assigns to (`TOKEN = …`, `val token = …`, `token <- …`), if it starts with one. */
export function assignedName(line: string): string | null {
  return (
    /^\s*(?:(?:val|var|let|const|export|set|private|final)\s+)*([A-Za-z_]\w*)\s*(?::\s*[\w.[\]]+\s*)?(?:=(?!=)|<-|:=)/.exec(line)?.[1] ??
    null
  );
}

/** Why this candidate is not a credential, or null when it is one. */
export function safeReason(c: Candidate, line: string): SafeReason | null {
  const v = c.value;
  const name = c.name ?? assignedName(line);
  if (SECRET_REFERENCE.test(v)) return 'secret-reference';
  if (!c.specific && SECRET_LOOKUP.test(line)) return 'secret-scope-lookup';
  if (DOCUMENTED.test(v)) return 'documented-example';
  if (name && isFixtureName(name)) return 'test-fixture';
  if (PLACEHOLDER.test(v) || isRepetitive(c.publicPrefix ? v.slice(c.publicPrefix.length) : v)) return 'placeholder';
  if (c.detector === 'private-key') return null;
  if (INTERPOLATION.test(v)) return 'interpolation';
  if (TRIVIAL.has(v.toLowerCase())) return 'trivial';
  if (c.detector === 'generic-secret' && !c.specific) {
    if (HEX_DIGEST.test(v) && (name === null || isDigestName(name))) return 'checksum';
    if (UUID.test(v)) return 'identifier';
  }
  return null;
}
