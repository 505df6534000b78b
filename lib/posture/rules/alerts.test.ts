import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_KEYS, newHighSeverityFindings, snapshotState, type CheckNow } from './alerts';

const item = (key: string) => ({ key, label: key, detail: '', href: null });
const check = (over: Partial<CheckNow>): CheckNow => ({
  id: 'token-lifetime',
  title: 'Tokens expire within 90 days',
  severity: 'high',
  status: 'fail',
  open: [item('token:a')],
  ...over,
});

describe('newHighSeverityFindings', () => {
  it('takes the first snapshot as the baseline and alerts nothing', () => {
    expect(newHighSeverityFindings(null, [check({})])).toEqual([]);
  });

  it('announces every open item of a high-severity check that did not fail before', () => {
    for (const status of ['pass', 'not_collected', 'accepted']) {
      const found = newHighSeverityFindings({ 'token-lifetime': { status } }, [check({ open: [item('token:a'), item('token:b')] })]);
      expect(found).toEqual([
        { checkId: 'token-lifetime', title: 'Tokens expire within 90 days', items: [item('token:a'), item('token:b')] },
      ]);
    }
    expect(newHighSeverityFindings({}, [check({})])).toHaveLength(1);
  });

  it('announces only the items a failing check did not have before', () => {
    const found = newHighSeverityFindings({ 'token-lifetime': { status: 'fail', keys: ['token:a'] } }, [
      check({ open: [item('token:a'), item('token:c')] }),
    ]);
    expect(found[0]?.items.map((i) => i.key)).toEqual(['token:c']);
    expect(newHighSeverityFindings({ 'token-lifetime': { status: 'fail', keys: ['token:a'] } }, [check({})])).toEqual([]);
  });

  it('ignores medium and low checks, passes, and failing checks whose items are all accepted', () => {
    expect(newHighSeverityFindings({}, [check({ severity: 'medium' }), check({ status: 'pass', open: [] }), check({ open: [] })])).toEqual(
      [],
    );
  });

  it('compares only the status of a check whose previous keys were cut short', () => {
    const prev = { 'token-lifetime': { status: 'fail', keys: ['token:a'], keysTruncated: true } };
    expect(newHighSeverityFindings(prev, [check({ open: [item('token:z')] })])).toEqual([]);
  });
});

describe('snapshotState', () => {
  it('keeps the open keys of failing high-severity checks only, bounded', () => {
    expect(snapshotState(check({ severity: 'medium' }))).toEqual({ status: 'fail' });
    expect(snapshotState(check({}))).toEqual({ status: 'fail', keys: ['token:a'] });
    const many = check({ open: Array.from({ length: MAX_SNAPSHOT_KEYS + 1 }, (_, i) => item(`token:${i}`)) });
    expect(snapshotState(many)).toMatchObject({ keysTruncated: true });
    expect(snapshotState(many).keys).toHaveLength(MAX_SNAPSHOT_KEYS);
  });
});
