import { describe, expect, it } from 'vitest';
import { scorePosture } from './score';

describe('scorePosture', () => {
  it('weights passes and fails by severity and rounds to a whole percentage', () => {
    // high pass (3) + medium fail (2) + low pass (1): 4 of 6.
    const s = scorePosture([
      { severity: 'high', status: 'pass' },
      { severity: 'medium', status: 'fail' },
      { severity: 'low', status: 'pass' },
    ]);
    expect(s.score).toBe(67);
    expect(s.coverage).toEqual({ measured: 3, total: 3 });
  });

  it('never counts a check that was not measured as a pass, and leaves it out of coverage', () => {
    const s = scorePosture([
      { severity: 'high', status: 'fail' },
      { severity: 'high', status: 'not_collected' },
      { severity: 'low', status: 'pass' },
    ]);
    expect(s.score).toBe(25);
    expect(s.coverage).toEqual({ measured: 2, total: 3 });
    expect(s.counts.not_collected).toBe(1);
  });

  it('counts an accepted check as measured but leaves it out of the numerator and the denominator', () => {
    const without = scorePosture([
      { severity: 'high', status: 'pass' },
      { severity: 'medium', status: 'fail' },
    ]);
    const withAccepted = scorePosture([
      { severity: 'high', status: 'pass' },
      { severity: 'medium', status: 'fail' },
      { severity: 'high', status: 'accepted' },
    ]);
    expect(withAccepted.score).toBe(without.score);
    expect(withAccepted.coverage).toEqual({ measured: 3, total: 3 });
    expect(withAccepted.accepted).toBe(1);
  });

  it('has no score when nothing passed or failed, rather than 100 or 0', () => {
    expect(scorePosture([{ severity: 'high', status: 'not_collected' }]).score).toBeNull();
    expect(scorePosture([{ severity: 'high', status: 'accepted' }]).score).toBeNull();
    expect(scorePosture([]).score).toBeNull();
  });

  it('is 0 when everything measured fails and 100 when everything passes', () => {
    expect(scorePosture([{ severity: 'low', status: 'fail' }]).score).toBe(0);
    expect(scorePosture([{ severity: 'low', status: 'pass' }]).score).toBe(100);
  });
});
