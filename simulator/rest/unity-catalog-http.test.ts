import { describe, expect, it } from 'vitest';
import { page, pageVisible } from './unity-catalog-http';

const items = Array.from({ length: 400 }, (_, i) => i);

describe('Unity Catalog paging', () => {
  it('returns everything without max_results, and pages with a token until it runs out', () => {
    expect(page(items, new URLSearchParams())).toEqual({ items });
    const first = page(items, new URLSearchParams({ max_results: '150' }));
    expect(first.items).toEqual(items.slice(0, 150));
    const second = page(items, new URLSearchParams({ max_results: '150', page_token: first.next_page_token ?? '' }));
    const third = page(items, new URLSearchParams({ max_results: '150', page_token: second.next_page_token ?? '' }));
    expect([...second.items, ...third.items]).toEqual(items.slice(150));
    expect(third.next_page_token).toBeUndefined();
  });

  it('uses the server page size for 0 and refuses 1–149 where grants require it', () => {
    expect(page(items, new URLSearchParams({ max_results: '0' })).items).toHaveLength(400);
    expect(() => page(items, new URLSearchParams({ max_results: '100' }), { minPageSize: 150 })).toThrow(/at least 150/);
    expect(page(items, new URLSearchParams({ max_results: '100' })).items).toHaveLength(100);
    expect(() => page(items, new URLSearchParams({ page_token: '!!' }))).toThrow(/Invalid page_token/);
  });

  it('caps max_results at the server page size and refuses negative values', () => {
    expect(page(items, new URLSearchParams({ max_results: '300' }), { serverPage: 100 }).items).toHaveLength(100);
    expect(page(items, new URLSearchParams({ max_results: '0' }), { serverPage: 100 }).items).toHaveLength(100);
    expect(() => page(items, new URLSearchParams({ max_results: '-1' }))).toThrow(/non-negative/);
  });

  it('filters each page after slicing, so a page can be empty and still point to the next one', () => {
    const onlyHigh = (i: number) => i >= 300;
    const first = pageVisible(items, onlyHigh, new URLSearchParams({ max_results: '150' }));
    expect(first.items).toEqual([]);
    expect(first.next_page_token).toBeDefined();
    const collected: number[] = [];
    let token: string | undefined = '';
    while (token !== undefined) {
      const q: URLSearchParams = new URLSearchParams({ max_results: '150', ...(token ? { page_token: token } : {}) });
      const p: ReturnType<typeof pageVisible<number>> = pageVisible(items, onlyHigh, q);
      collected.push(...p.items);
      token = p.next_page_token;
    }
    expect(collected).toEqual(items.filter(onlyHigh));
    expect(pageVisible(items, onlyHigh, new URLSearchParams()).items).toHaveLength(100);
  });
});
