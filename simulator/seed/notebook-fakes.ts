// Fake credential values in the shapes real ones have (so a scanner's rules fire on them), drawn from the seeded
// PRNG. None is a working credential: they are random characters in the right alphabet and length.
import type { Rng } from './random';

const UPPER_B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64 = `${ALNUM}+/`;

const chars = (rng: Rng, alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');

export const fakes = {
  /** A personal access token: 'dapi' + 32 hex. */
  databricksToken: (rng: Rng) => `dapi${rng.hex(32)}`,
  /** An IAM access key id: 'AKIA' + 16 base32 characters. */
  awsAccessKeyId: (rng: Rng) => `AKIA${chars(rng, UPPER_B32, 16)}`,
  /** An IAM secret access key: 40 base64 characters. */
  awsSecretKey: (rng: Rng) => chars(rng, B64, 40),
  /** An Azure storage account key: 64 bytes, base64 (88 characters). */
  azureStorageKey: (rng: Rng) => Buffer.from(rng.hex(128), 'hex').toString('base64'),
  slackWebhook: (rng: Rng) =>
    `https://hooks.slack.com/services/T${chars(rng, UPPER_B32, 8)}/B${chars(rng, UPPER_B32, 10)}/${chars(rng, ALNUM, 24)}`,
  /** A PKCS#8 PEM block: header, 25 body lines, footer. */
  privateKeyLines: (rng: Rng) => [
    '-----BEGIN PRIVATE KEY-----',
    ...Array.from({ length: 25 }, (_, i) => chars(rng, B64, i === 24 ? 44 : 64)),
    '-----END PRIVATE KEY-----',
  ],
  /** A person-chosen password: a word, digits and a symbol. */
  password: (rng: Rng) =>
    `${rng.pick(['Harbor', 'Pine', 'Summer', 'Claims', 'Broker', 'Winter', 'Ledger', 'Falcon'])}${rng.pick(['!', '#', '$', '@'])}${rng.int(1000, 9999)}${rng.pick(['x', 'Q', 'k', 'Z'])}`,
};
