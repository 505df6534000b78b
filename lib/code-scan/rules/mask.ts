// The only form in which a credential leaves the scanner: its format's public marker (`dapi`, `AKIA`, the PEM
// header), eight bullets whatever its length, and at most its last four characters — and those only when the value
// is long enough (20+ characters) that four of them give nothing away. A password shows no character at all.
import type { Candidate } from './detectors';

export const MASK = '••••••••';
/** Characters of the secret part a preview may show, at most. */
export const MAX_REVEALED = 4;
const MIN_LENGTH_FOR_TAIL = 20;

export function maskedPreview(c: Pick<Candidate, 'detector' | 'value' | 'publicPrefix'>): string {
  if (c.detector === 'private-key') return `${c.publicPrefix} ${MASK}`;
  // A Databricks token's "-2" style suffix is a version, not part of the secret's tail.
  const secret = c.value.slice(c.publicPrefix.length).replace(c.detector === 'databricks-token' ? /-\d+$/ : /$^/, '');
  const tail = secret.length >= MIN_LENGTH_FOR_TAIL ? secret.slice(-MAX_REVEALED) : '';
  return `${c.publicPrefix}${MASK}${tail}`;
}

/** The characters of the secret a preview shows (for tests and checks): whatever is not the marker or the bullets. */
export function revealedPart(preview: string, publicPrefix: string): string {
  const rest = preview.startsWith(publicPrefix) ? preview.slice(publicPrefix.length) : preview;
  return rest.replace(/^\s+/, '').replace(MASK, '');
}
