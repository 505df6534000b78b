import { describe, expect, it } from 'vitest';
import { plural, verdictFrom } from './verdict';

const item = { key: 'job:1', label: 'nightly', detail: 'runs as a person', href: null };
const reasons = { passReason: 'All good', failReason: () => 'Something fails' };

describe('verdictFrom', () => {
  it('passes only when nothing failed and every part was read', () => {
    expect(verdictFrom({ evidence: [], ...reasons })).toEqual({ status: 'pass', reason: 'All good', notes: [] });
  });

  it('is not collected, never a pass, when nothing failed but a part could not be read', () => {
    const v = verdictFrom({
      evidence: [],
      gaps: [
        { text: 'Only 3 of the jobs were visible', needs: 'Workspace admin' },
        { text: 'Another part failed', needs: null },
      ],
      ...reasons,
    });
    expect(v).toMatchObject({ status: 'not_collected', needs: 'Workspace admin' });
    expect(v.reason).toBe('Nothing failed in what could be read, but only 3 of the jobs were visible; another part failed');
  });

  it('fails on what it found even when a part could not be read, keeping the gap as a note', () => {
    const v = verdictFrom({ evidence: [item], gaps: [{ text: 'Sharing not checked', needs: null }], ...reasons });
    expect(v).toMatchObject({ status: 'fail', reason: 'Something fails', notes: ['Sharing not checked'] });
  });
});

describe('plural', () => {
  it('says one and many right, with thousands separated', () => {
    expect(plural(1, 'job')).toBe('1 job');
    expect(plural(2, 'policy', 'policies')).toBe('2 policies');
    expect(plural(12345, 'token')).toBe('12,345 tokens');
  });
});
