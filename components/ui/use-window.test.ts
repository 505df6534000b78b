import { describe, expect, it } from 'vitest';
import { layoutOf, rangeOf } from './use-window';

describe('window layout', () => {
  it('places items by measured size, or the estimate, after the padding', () => {
    const layout = layoutOf(4, 40, new Map([[1, 100]]), 56);
    expect([...layout.starts]).toEqual([56, 96, 196, 236, 276]);
  });

  it('shows the items overlapping the view', () => {
    const layout = layoutOf(100, 40, new Map());
    expect(rangeOf(layout, 0, 200)).toEqual([0, 4]);
    expect(rangeOf(layout, 50, 200)).toEqual([1, 6]);
    expect(rangeOf(layout, 80, 200)).toEqual([2, 6]);
  });

  it('shows nothing before the view has a size, and the last screen when the position is past the end', () => {
    const layout = layoutOf(10, 40, new Map());
    expect(rangeOf(layout, 0, 0)).toBeNull();
    expect(rangeOf(layoutOf(0, 40, new Map()), 0, 200)).toBeNull();
    expect(rangeOf(layout, 5000, 200)).toEqual([5, 9]);
    expect(rangeOf(layoutOf(3, 40, new Map()), 0, 500)).toEqual([0, 2]);
  });
});
