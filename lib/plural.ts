// Counts in words: "1 day", "2 days", "1,204 rows". One helper so no screen says "1 days".

/** `n` and the noun, singular for exactly one; `many` when the plural is not the noun plus "s". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
