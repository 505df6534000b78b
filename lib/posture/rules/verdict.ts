// How a check turns what it found and what it could not read into one verdict. Never a false pass: a check that
// found nothing wrong but could not read every part is "not collected", naming the part and what would let it read it.
// A check that found failing items is a fail even when a part was unreadable (what it found is true); the gaps become
// notes beside the evidence.
import type { Evidence, Gap, Verdict } from './types';

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? word : many}`;
}

export function verdictFrom(r: {
  evidence: Evidence[];
  gaps?: Gap[];
  /** Said when nothing failed and everything was read. */
  passReason: string;
  /** Said when something failed; the evidence lists what. */
  failReason: (evidence: Evidence[]) => string;
}): Verdict {
  const gaps = r.gaps ?? [];
  const notes = gaps.map((g) => g.text);
  if (r.evidence.length > 0) return { status: 'fail', reason: r.failReason(r.evidence), evidence: r.evidence, notes };
  if (gaps.length > 0) {
    const needs = [...new Set(gaps.map((g) => g.needs).filter((n): n is string => n !== null))];
    return {
      status: 'not_collected',
      reason: `Nothing failed in what could be read, but ${notes.map(lowerFirst).join('; ')}`,
      needs: needs.length ? needs.join('; ') : null,
      notes: [],
    };
  }
  return { status: 'pass', reason: r.passReason, notes: [] };
}

function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
