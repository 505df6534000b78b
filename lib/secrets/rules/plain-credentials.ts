// Credentials written straight into cluster and job configuration instead of a {{secrets/<scope>/<key>}} reference:
// Spark environment variables and Spark config of all-purpose clusters, job clusters and tasks' own new clusters.
// A value is flagged when its name says it is a credential (password, secret, token, key, storage account keys…) or
// when the value itself has a credential's shape (a dapi… token, an AWS key, a private key, a connection string or
// URL with a password), unless it is a secret reference, an environment lookup or a placeholder. The value itself is
// only looked at here and never leaves: a finding carries the name, where it sits and why.
import { suggestName } from './names';

export type CredentialObject = 'cluster' | 'job';

/** One map of settings on one object, e.g. a cluster's Spark environment variables. */
export interface CredentialSource {
  objectType: CredentialObject;
  objectId: string;
  objectName: string;
  /** Where the map sits, in words: "Environment variables", "Job cluster main · Spark config". */
  location: string;
  entries: Readonly<Record<string, string>>;
}

export interface PlainCredential {
  objectType: CredentialObject;
  objectId: string;
  objectName: string;
  location: string;
  name: string;
  reason: string;
  /** Where the value could go instead, and what to paste in its place. */
  suggestion: { scope: string; key: string; reference: string };
}

const REFERENCE = /^\{\{\s*secrets\/[^/{}\s]+\/[^/{}\s]+\s*\}\}$/;
const HAS_REFERENCE = /\{\{\s*secrets\/[^/{}\s]+\/[^/{}\s]+\s*\}\}/;
/** Not a credential: an environment lookup, a placeholder, a mask. */
const PLACEHOLDER = [
  /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/,
  /^<[^<>]*>$/,
  /^\*+$/,
  /^(x+|changeme|change-me|redacted|\[redacted\]|todo|tbd|none|null|placeholder|your[-_ ].*)$/i,
];
/** A name-based hit is dropped when the value is plainly not a credential: a switch, a number, a path or a plain URL. */
const NOT_A_CREDENTIAL = [
  /^(true|false|yes|no|on|off|enabled|disabled)$/i,
  /^-?\d+(\.\d+)?$/,
  /^(https?|s3a?|s3n|abfss?|wasbs?|gs|dbfs|file|jdbc):\/\//i,
  /^\/(dbfs|Volumes|Workspace|databricks|tmp|mnt|local_disk0|etc|usr)\//,
];
/** Name parts that make TOKEN/SECRET/KEY describe something other than the credential itself. */
const NAME_NOT_CREDENTIAL = new Set([
  'url',
  'uri',
  'endpoint',
  'host',
  'hostname',
  'port',
  'path',
  'file',
  'dir',
  'scope',
  'name',
  'type',
  'version',
  'enabled',
  'region',
  'expiry',
  'ttl',
  'timeout',
  'provider',
  'format',
  'length',
  'size',
  'algorithm',
  'store',
]);

const VALUE_SHAPES: Array<[RegExp, string]> = [
  [/\bdapi[0-9a-f]{32}(-\d+)?\b/i, 'the value is a Databricks personal access token (dapi…)'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'the value is an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'the value is a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/, 'the value is a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'the value is a Slack token'],
  [/(^|;)\s*AccountKey\s*=\s*[^;{\s]+/i, 'the value is a storage connection string with its account key'],
  [/(^|;)\s*SharedAccessKey\s*=\s*[^;{\s]+/i, 'the value is a connection string with a shared access key'],
  [/(^|[?&])sv=\d{4}-\d{2}-\d{2}&.*\bsig=[A-Za-z0-9%+/=]{16,}/, 'the value is a shared access signature (SAS) token'],
];

/** The password inside a JDBC/ODBC URL or connection string (password=…, pwd=…), if any. */
function embeddedPassword(value: string): string | null {
  const m = /(?:^|[;?&:])\s*(?:password|pwd)\s*=\s*([^;&]*)/i.exec(value);
  return m ? m[1]!.trim() : null;
}

/** The password in a URL's user info (scheme://user:password@host), if any. */
function urlPassword(value: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i.exec(value);
  return m ? m[1]! : null;
}

const isPlaceholder = (v: string) => PLACEHOLDER.some((re) => re.test(v));
const isPlainPart = (v: string) => v !== '' && !REFERENCE.test(v) && !isPlaceholder(v);

function nameReason(name: string): { reason: string; strict: boolean } | null {
  const n = name.toLowerCase();
  if (/(^|\.)fs\.azure\.account\.key\./.test(n)) return { reason: 'an Azure storage account key (fs.azure.account.key.*)', strict: true };
  if (/(^|\.)fs\.azure\.sas\./.test(n)) return { reason: 'an Azure storage SAS token (fs.azure.sas.*)', strict: true };
  if (/(^|\.)fs\.azure\.account\.oauth2\.client\.secret/.test(n)) return { reason: 'an OAuth client secret for storage', strict: true };
  if (/(^|\.)fs\.s3a\.(secret\.key|session\.token)/.test(n)) return { reason: 'an S3 secret key', strict: true };
  const parts = n.split(/[^a-z0-9]+/).filter(Boolean);
  if (n.includes('password') || n.includes('passwd') || parts.some((p) => p === 'pwd' || p === 'pass'))
    return { reason: 'named like a password', strict: true };
  if (parts.some((p) => NAME_NOT_CREDENTIAL.has(p))) return null;
  if (n.includes('secret')) return { reason: 'named like a secret', strict: false };
  if (n.includes('token')) return { reason: 'named like a token', strict: false };
  if (n.includes('credential')) return { reason: 'named like a credential', strict: false };
  if (parts.at(-1) === 'key' || /(api|access|account|private|secret|signing|master|encryption)_?key$/.test(parts.join('_')))
    return { reason: 'named like a key', strict: false };
  return null;
}

/**
 * Why the setting `name` = `value` looks like a credential written in plain text, in words, or null when it does not
 * (a secret reference, a lookup, a placeholder, or nothing credential-like).
 */
export function credentialReason(name: string, value: string): string | null {
  const v = value.trim();
  if (v === '' || REFERENCE.test(v)) return null;
  for (const [re, reason] of VALUE_SHAPES) if (re.test(v)) return capitalise(reason);
  const jdbc = embeddedPassword(v);
  if (jdbc !== null && isPlainPart(jdbc))
    return /^jdbc:/i.test(v) ? 'The value is a JDBC URL with a password in it' : 'The value is a connection string with a password in it';
  const inUrl = urlPassword(v);
  if (inUrl !== null && isPlainPart(inUrl)) return 'The value is a URL with a password in it';
  // Anything else that carries a reference is built around one: the credential part is in a scope.
  if (HAS_REFERENCE.test(v) || isPlaceholder(v)) return null;
  const byName = nameReason(name);
  if (!byName) return null;
  if (!byName.strict && NOT_A_CREDENTIAL.some((re) => re.test(v))) return null;
  return capitalise(byName.reason.startsWith('named') ? `${byName.reason}, with a literal value` : `${byName.reason}, as a literal value`);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A key name for the setting: the storage account for account keys, the variable's own name otherwise. */
export function suggestKey(name: string): string {
  const account = /fs\.azure\.account\.key\.([a-z0-9]+)\./i.exec(name)?.[1];
  if (account) return suggestName(`${account}-account-key`, 'account-key');
  const sas = /fs\.azure\.sas\.[^.]+\.([a-z0-9]+)\./i.exec(name)?.[1];
  if (sas) return suggestName(`${sas}-sas-token`, 'sas-token');
  return suggestName(name.replace(/_/g, '-'), 'secret').replace(/_/g, '-');
}

export function secretReference(scope: string, key: string): string {
  return `{{secrets/${scope}/${key}}}`;
}

export function detectPlainCredentials(sources: readonly CredentialSource[]): PlainCredential[] {
  const out: PlainCredential[] = [];
  const seen = new Set<string>();
  for (const s of sources) {
    for (const [name, value] of Object.entries(s.entries)) {
      const reason = credentialReason(name, value);
      if (!reason) continue;
      const id = `${s.objectType}\u0000${s.objectId}\u0000${s.location}\u0000${name}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const scope = suggestName(s.objectName, s.objectType === 'job' ? 'job-secrets' : 'cluster-secrets');
      const key = suggestKey(name);
      out.push({
        objectType: s.objectType,
        objectId: s.objectId,
        objectName: s.objectName,
        location: s.location,
        name,
        reason,
        suggestion: { scope, key, reference: secretReference(scope, key) },
      });
    }
  }
  return out;
}
