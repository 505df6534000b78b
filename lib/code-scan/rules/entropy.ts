// How random a string looks: Shannon entropy per character, and how many character classes it mixes. A generic
// secret (a value next to a name like `password` or `api_key`) is reported only when it looks random enough; a
// column name or a sentence next to the same name does not.

/** Shannon entropy in bits per character (0 for the empty string; log2(n) at most for n distinct characters). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const n = [...value].length;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case, digits and other characters the value uses (0–4). */
export function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
}

/**
 * True when the value is one short block repeated ("abcabcabc", "1234567890abcdef1234567890abcdef"): fixtures and
 * fillers are built that way; a real key is not.
 */
export function isRepetitive(value: string): boolean {
  const n = value.length;
  if (n < 6) return false;
  if (new Set(value).size <= 2) return true;
  for (let period = 1; period <= n / 2; period++) {
    if (n % period !== 0) continue;
    const block = value.slice(0, period);
    if (block.repeat(n / period) === value) return true;
  }
  return false;
}
