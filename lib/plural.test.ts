import { describe, expect, it } from 'vitest';
import { count } from './plural';

describe('count', () => {
  it('says one thing in the singular and everything else in the plural, with thousands separated', () => {
    expect(count(1, 'day')).toBe('1 day');
    expect(count(0, 'day')).toBe('0 days');
    expect(count(1204, 'row')).toBe('1,204 rows');
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
  });
});
