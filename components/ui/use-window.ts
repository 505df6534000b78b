'use client';
// Which rows (or columns) of a long list to render: the ones in the scroll element's view plus `overscan` either side,
// each placed by its measured size (or the estimate until it has been measured). What the tables and the grants
// matrix used TanStack Virtual for, without its 9 kB gzip (smooth-scroll, lanes, iOS gesture handling, scroll-to).
// Like it, it renders nothing until the scroll element has a size (so the server renders no window, and the first
// render in the browser matches), and re-renders only when the window moves, not on every scroll event.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

export interface WindowItem {
  index: number;
  start: number;
  end: number;
}

export interface WindowOptions {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** A typical item's size in px, for items not measured yet. */
  estimateSize: number;
  overscan?: number;
  /** When false the hook does nothing (a short list renders every row). */
  enabled?: boolean;
  horizontal?: boolean;
  /** Space before the first item inside the scroll element (a sticky header, a side column). */
  paddingStart?: number;
}

export interface Layout {
  /** starts[i] is item i's offset; starts[count] is the end of the list. */
  starts: Float64Array;
}

export function layoutOf(count: number, estimateSize: number, sizes: ReadonlyMap<number, number>, paddingStart = 0): Layout {
  const starts = new Float64Array(count + 1);
  starts[0] = paddingStart;
  for (let i = 0; i < count; i++) starts[i + 1] = starts[i]! + (sizes.get(i) ?? estimateSize);
  return { starts };
}

/** First and last index in view (inclusive), or null when nothing is (no size yet, no items). */
export function rangeOf(layout: Layout, offset: number, viewSize: number): [number, number] | null {
  const count = layout.starts.length - 1;
  if (count === 0 || viewSize <= 0) return null;
  // A position past the end (the list just shrank) still shows the list's last screen.
  const at = Math.max(0, Math.min(offset, layout.starts[count]! - viewSize));
  // The last item starting at or before `at`.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  let last = lo;
  while (last < count - 1 && layout.starts[last + 1]! < at + viewSize) last++;
  return [lo, last];
}

export function useWindow({
  count,
  scrollRef,
  estimateSize,
  overscan = 1,
  enabled = true,
  horizontal = false,
  paddingStart = 0,
}: WindowOptions) {
  const [sizes, setSizes] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [view, setView] = useState({ offset: 0, size: 0 });
  const layout = useMemo(() => layoutOf(count, estimateSize, sizes, paddingStart), [count, estimateSize, sizes, paddingStart]);
  const range = enabled ? rangeOf(layout, view.offset, view.size) : null;
  const first = range ? Math.max(0, range[0] - overscan) : 0;
  const last = range ? Math.min(count - 1, range[1] + overscan) : -1;

  // The scroll handler re-renders only when the window it would show differs from the one shown.
  const shown = useRef({ layout, first, last });
  useLayoutEffect(() => {
    shown.current = { layout, first, last };
  });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !enabled) return;
    const read = () => {
      const offset = horizontal ? el.scrollLeft : el.scrollTop;
      const size = horizontal ? el.clientWidth : el.clientHeight;
      const r = rangeOf(shown.current.layout, offset, size);
      const moved =
        !r || Math.max(0, r[0] - overscan) !== shown.current.first || Math.min(count - 1, r[1] + overscan) !== shown.current.last;
      setView((v) => (v.size === size && (v.offset === offset || !moved) ? v : { offset, size }));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [scrollRef, enabled, horizontal, overscan, count]);

  // Items report their size through one observer; a batch of changes is one re-render. Each item stops being observed
  // when React detaches it, so nothing outlives the list.
  const observer = useRef<ResizeObserver | null>(null);
  const measureItem = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return;
      observer.current ??= new ResizeObserver((entries) =>
        setSizes((previous) => {
          let next: Map<number, number> | null = null;
          for (const entry of entries) {
            const target = entry.target as HTMLElement;
            if (!target.isConnected) continue;
            const index = Number(target.dataset.index);
            const box = entry.borderBoxSize?.[0];
            const size = box
              ? horizontal
                ? box.inlineSize
                : box.blockSize
              : target.getBoundingClientRect()[horizontal ? 'width' : 'height'];
            if (!Number.isFinite(index) || previous.get(index) === size) continue;
            next ??= new Map(previous);
            next.set(index, size);
          }
          return next ?? previous;
        }),
      );
      const current = observer.current;
      current.observe(el);
      return () => current.unobserve(el);
    },
    [horizontal],
  );

  const items: WindowItem[] = [];
  for (let index = first; index <= last; index++) items.push({ index, start: layout.starts[index]!, end: layout.starts[index + 1]! });
  return {
    items,
    totalSize: layout.starts[count]!,
    measureItem,
  };
}
