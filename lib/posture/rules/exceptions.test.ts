import { describe, expect, it } from 'vitest';
import { addDays, applyExceptions, exceptionState, expiryProblem, MAX_EVIDENCE, type PostureException } from './exceptions';
import type { Evidence, RawCheckResult } from './types';

const NOW = Date.parse('2026-03-10T15:00:00Z');

const meta = {
  id: 'jobs-run-as' as const,
  number: 7,
  title: 'Automated workflows run as service principals',
  category: 'Identity and access' as const,
  severity: 'medium' as const,
  reads: [],
  judges: '',
  fix: { text: '', label: '', href: '', external: true },
  durationMs: 5,
};

const ev = (key: string): Evidence => ({ key, label: key, detail: '', href: null });

function failing(...keys: string[]): RawCheckResult {
  return { ...meta, status: 'fail', reason: `${keys.length} jobs`, evidence: keys.map(ev), notes: [] };
}

let n = 0;
function exception(over: Partial<PostureException>): PostureException {
  return {
    id: `e${++n}`,
    checkId: 'jobs-run-as',
    evidenceKey: null,
    reason: 'Migrating to a service principal in Q2',
    owner: 'alex.morgan@harborpine.com',
    expiresOn: '2026-04-01',
    createdBy: 'alex.morgan@harborpine.com',
    createdAt: NOW - 1000,
    updatedBy: null,
    updatedAt: null,
    endedBy: null,
    endedAt: null,
    ...over,
  };
}

describe('exception state', () => {
  it('holds through the end of its expiry day and is expired the day after', () => {
    const e = exception({ expiresOn: '2026-03-10' });
    expect(exceptionState(e, Date.parse('2026-03-10T23:59:59Z'))).toBe('active');
    expect(exceptionState(e, Date.parse('2026-03-11T00:00:00Z'))).toBe('expired');
  });

  it('is ended once ended early, whatever its expiry', () => {
    expect(exceptionState(exception({ endedAt: NOW }), NOW)).toBe('ended');
  });
});

describe('expiryProblem', () => {
  it('accepts tomorrow up to a year ahead', () => {
    expect(expiryProblem('2026-03-11', NOW)).toBeNull();
    expect(expiryProblem(addDays('2026-03-10', 365), NOW)).toBeNull();
  });

  it('refuses today, the past, more than a year ahead and dates that do not exist', () => {
    expect(expiryProblem('2026-03-10', NOW)).toMatch(/after today/);
    expect(expiryProblem('2025-12-01', NOW)).toMatch(/after today/);
    expect(expiryProblem(addDays('2026-03-10', 366), NOW)).toMatch(/at most 365 days/);
    expect(expiryProblem('2026-02-30', NOW)).toMatch(/YYYY-MM-DD/);
    expect(expiryProblem('10/04/2026', NOW)).toMatch(/YYYY-MM-DD/);
  });
});

describe('applyExceptions', () => {
  it('makes a check accepted when every failing item is accepted, one by one', () => {
    const r = applyExceptions(failing('job:1', 'job:2'), [exception({ evidenceKey: 'job:1' }), exception({ evidenceKey: 'job:2' })], NOW);
    expect(r.status).toBe('accepted');
    expect(r.acceptedTotal).toBe(2);
    expect(r.exception).toBeNull();
  });

  it('makes a check accepted with one exception for the whole check', () => {
    const whole = exception({});
    const r = applyExceptions(failing('job:1', 'job:2'), [whole], NOW);
    expect(r.status).toBe('accepted');
    expect(r.exception?.id).toBe(whole.id);
    expect(r.evidence.every((e) => e.accepted?.id === whole.id)).toBe(true);
  });

  it('keeps a partly accepted check failing, its accepted items marked and listed after the open ones', () => {
    const r = applyExceptions(failing('job:1', 'job:2', 'job:3'), [exception({ evidenceKey: 'job:1' })], NOW);
    expect(r.status).toBe('fail');
    expect(r.evidence.map((e) => [e.key, e.accepted !== null])).toEqual([
      ['job:2', false],
      ['job:3', false],
      ['job:1', true],
    ]);
    expect(r.acceptedTotal).toBe(1);
    expect(r.evidenceTotal).toBe(3);
  });

  it('brings a finding back when its exception expired or was ended', () => {
    const expired = exception({ evidenceKey: 'job:1', expiresOn: '2026-03-09' });
    const ended = exception({ evidenceKey: 'job:2', endedAt: NOW - 10, endedBy: 'alex.morgan@harborpine.com' });
    const r = applyExceptions(failing('job:1', 'job:2'), [expired, ended], NOW);
    expect(r.status).toBe('fail');
    expect(r.acceptedTotal).toBe(0);
  });

  it('ignores exceptions of other checks, and leaves passes and not-collected checks as they are', () => {
    const other = exception({ checkId: 'token-lifetime' });
    expect(applyExceptions(failing('job:1'), [other], NOW).status).toBe('fail');
    const pass = applyExceptions({ ...meta, status: 'pass', reason: 'ok', notes: [] }, [exception({})], NOW);
    expect(pass.status).toBe('pass');
    const nc = applyExceptions({ ...meta, status: 'not_collected', reason: 'x', needs: 'admin', notes: [] }, [exception({})], NOW);
    expect(nc).toMatchObject({ status: 'not_collected', needs: 'admin', exception: null });
  });

  it('shows at most MAX_EVIDENCE items and counts all of them', () => {
    const keys = Array.from({ length: MAX_EVIDENCE + 20 }, (_, i) => `job:${i}`);
    const r = applyExceptions(failing(...keys), [exception({ evidenceKey: 'job:0' })], NOW);
    expect(r.evidence).toHaveLength(MAX_EVIDENCE);
    expect(r.evidenceTotal).toBe(MAX_EVIDENCE + 20);
    expect(r.evidence.every((e) => e.accepted === null)).toBe(true);
  });
});
