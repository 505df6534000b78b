// Whether a name (a variable, a keyword argument, a dictionary key, a Spark conf key) says its value is a secret.
// The last word decides most: `api_token` and `SECRET_KEY` are secrets, `TOKEN_URL` and `secret_scope` are not.

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass', 'pword', 'pw']);
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'authorization',
  'sas',
  'signature',
  'privatekey',
  'accesskey',
  'secretkey',
  'clientsecret',
  'accountkey',
  'storagekey',
  'sharedkey',
  'signingkey',
  'encryptionkey',
  'masterkey',
]);
/** A last word that names something about a secret rather than the secret itself. */
const NEUTRAL_LAST = new Set([
  'id',
  'ids',
  'name',
  'names',
  'path',
  'file',
  'filename',
  'dir',
  'url',
  'uri',
  'scope',
  'type',
  'length',
  'len',
  'size',
  'col',
  'column',
  'field',
  'header',
  'prefix',
  'suffix',
  'env',
  'var',
  'count',
  'format',
  'location',
  'vault',
  'version',
  'ttl',
  'expiry',
  'expires',
  'lifetime',
  'policy',
  'hint',
  'label',
  'prompt',
  'regex',
  'pattern',
  'mode',
  'kind',
  'index',
  'ref',
  'arn',
  'endpoint',
  'host',
  'user',
  'username',
  'required',
  'enabled',
  'provider',
  'manager',
  'store',
  'service',
  'source',
  'method',
  'days',
  'seconds',
]);

export type NameStrength = 'password' | 'secret' | 'key' | null;

/** Lower-case words of an identifier: snake_case, kebab-case, dotted and camelCase all split. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * 'password' for password-like names, 'secret' for other secret names (token, secret, api key, credentials),
 * 'key' for a bare key (`key`, `partition_key`: judged on the value alone, strictly), null for anything else.
 */
export function nameStrength(name: string): NameStrength {
  const words = wordsOf(name);
  const last = words.at(-1);
  if (!last || NEUTRAL_LAST.has(last)) return null;
  // "api key", "access key", "account key", "private key" read as one secret word.
  const joined = words.map((w, i) => (w === 'key' && i > 0 ? `${words[i - 1]}key` : w));
  if (joined.some((w) => PASSWORD_WORDS.has(w))) return 'password';
  if (joined.some((w) => SECRET_WORDS.has(w))) return 'secret';
  if (last === 'key') return 'key';
  return null;
}

/** Names that say the value is made up for tests or documentation: FIXTURE_TOKEN, fake_password, sample_key. */
export function isFixtureName(name: string): boolean {
  return wordsOf(name).some((w) => /^(fixtures?|fakes?|dummy|mock|mocked|stub|samples?|examples?|tests?|testing)$/.test(w));
}

/** Names that hold digests and ids, not secrets: EXPECTED_SHA256, PINNED_COMMIT, etag. */
export function isDigestName(name: string): boolean {
  return wordsOf(name).some((w) => /^(sha\d*|md5|hash|checksum|digest|commit|etag|fingerprint|crc\d*|sum)$/.test(w));
}
