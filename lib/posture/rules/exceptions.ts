// Exceptions: an admin accepts a finding (a whole check, or one item of its evidence) with a reason, an owner and an
// expiry date. Applied to raw results on every view, so a new, changed, ended or expired exception shows at once.
//
// Decisions the issue leaves open:
// - `expiresOn` is a calendar date (UTC). The exception holds through the end of that day; the finding comes back on
//   the next day.
// - Only a failing check can be accepted: a pass needs nothing, and what was not measured cannot be accepted.
// - A check whose every failing item is accepted (by item exceptions, a whole-check exception, or both) is `accepted`;
//   with some items accepted it stays `fail`, its accepted items marked and listed after the open ones.
import type { CheckStatus, Evidence, RawCheckResult } from './types';

export interface PostureException {
  id: string;
  checkId: string;
  /** null: the whole check. */
  evidenceKey: string | null;
  reason: string;
  owner: string;
  /** YYYY-MM-DD (UTC), the last day the exception holds. */
  expiresOn: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string | null;
  updatedAt: number | null;
  endedBy: string | null;
  endedAt: number | null;
}

export type ExceptionState = 'active' | 'expired' | 'ended';

export interface ExceptionRef {
  id: string;
  owner: string;
  reason: string;
  expiresOn: string;
}

export type EvidenceView = Evidence & { accepted: ExceptionRef | null };

export type CheckResult = Omit<RawCheckResult, 'status' | 'evidence' | 'needs' | 'notes'> & {
  status: CheckStatus;
  needs: string | null;
  notes: string[];
  /** The first MAX_EVIDENCE items, open ones first. */
  evidence: EvidenceView[];
  /** Failing items in all (evidence may show only the first of them). */
  evidenceTotal: number;
  acceptedTotal: number;
  /** An active exception for the whole check. */
  exception: ExceptionRef | null;
};

/** Items shown per check; the rest are counted (at large scale a check can find thousands). */
export const MAX_EVIDENCE = 50;

/** The UTC calendar day of an instant, YYYY-MM-DD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

export function exceptionState(e: Pick<PostureException, 'endedAt' | 'expiresOn'>, now: number): ExceptionState {
  if (e.endedAt !== null) return 'ended';
  return e.expiresOn < utcDay(now) ? 'expired' : 'active';
}

/** Exceptions may be set from tomorrow to a year ahead: an acceptance is a decision to revisit, not a switch-off. */
export const MAX_EXCEPTION_DAYS = 365;

/** Why `expiresOn` is not allowed, or null when it is. */
export function expiryProblem(expiresOn: string, now: number): string | null {
  const today = utcDay(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || utcDay(Date.parse(`${expiresOn}T00:00:00Z`) || 0) !== expiresOn)
    return 'The expiry must be a date written as YYYY-MM-DD.';
  if (expiresOn <= today) return 'The expiry must be after today: an exception that has ended is not an exception.';
  if (expiresOn > addDays(today, MAX_EXCEPTION_DAYS))
    return `The expiry must be at most ${MAX_EXCEPTION_DAYS} days ahead: accepted risks are decided again at least once a year.`;
  return null;
}

const ref = (e: PostureException): ExceptionRef => ({ id: e.id, owner: e.owner, reason: e.reason, expiresOn: e.expiresOn });

/** The failing items of a raw result that no active exception accepts (all of them, not only the shown ones). */
export function openEvidence(raw: RawCheckResult, exceptions: readonly PostureException[], now: number): Evidence[] {
  if (raw.status !== 'fail') return [];
  const active = exceptions.filter((e) => e.checkId === raw.id && exceptionState(e, now) === 'active');
  if (active.some((e) => e.evidenceKey === null)) return [];
  const accepted = new Set(active.map((e) => e.evidenceKey));
  return raw.evidence.filter((e) => !accepted.has(e.key));
}

/** Applies the active exceptions to one check's raw result. */
export function applyExceptions(raw: RawCheckResult, exceptions: readonly PostureException[], now: number): CheckResult {
  const active = exceptions.filter((e) => e.checkId === raw.id && exceptionState(e, now) === 'active');
  const base = { ...raw, needs: raw.status === 'not_collected' ? raw.needs : null, notes: raw.notes };
  if (raw.status !== 'fail') return { ...base, evidence: [], evidenceTotal: 0, acceptedTotal: 0, exception: null };

  const whole = active.find((e) => e.evidenceKey === null) ?? null;
  const byKey = new Map(active.filter((e) => e.evidenceKey !== null).map((e) => [e.evidenceKey!, e]));
  const items: EvidenceView[] = raw.evidence.map((ev) => {
    const e = byKey.get(ev.key) ?? whole;
    return { ...ev, accepted: e ? ref(e) : null };
  });
  const acceptedTotal = items.filter((i) => i.accepted !== null).length;
  // Open items first, each group in the check's own order (stable sort).
  const ordered = [...items].sort((a, b) => Number(a.accepted !== null) - Number(b.accepted !== null));
  return {
    ...base,
    status: acceptedTotal === items.length ? 'accepted' : 'fail',
    evidence: ordered.slice(0, MAX_EVIDENCE),
    evidenceTotal: items.length,
    acceptedTotal,
    exception: whole ? ref(whole) : null,
  };
}
