'use client';
// The one URL-state idiom for every page (STYLE §9), on Next's own useSearchParams() and the History API: Next syncs
// history.pushState/replaceState into useSearchParams without a server request, so a filter change never re-renders
// the server page (each panel fetches its own query), and 'push' lets Back undo it. The area's contract decides what
// the params mean: the same parse the server page and the API use, and the canonical serialisation (fixed keys,
// defaults left out) that also keys the queries.
//
// Next applies a history change inside a transition, so useSearchParams() lags a write by at least a render (longer
// while a panel suspends). A small store of this tab's own writes bridges that gap: until Next shows the last write,
// every hook on the page renders it, so a controlled input never loses a keystroke and two hooks see each other's
// writes at once. Server render and hydration see useSearchParams() alone.
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  ownedParams,
  patchQuery,
  recordWrite,
  searchOf,
  settle,
  shownUrl,
  urlKey,
  type Pending,
  type UrlStatePatch,
  type UrlStateSpec,
} from './url-state-writes';

export type { UrlStateSpec };

let pending: Pending | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  // Back/Forward: the entry the browser restores is the truth, whatever this tab wrote before.
  if (listeners.size === 0) window.addEventListener('popstate', forget);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('popstate', forget);
    // The page is gone: a write Next never showed must not come back when a link returns to the URL it was made over.
    pending = null;
  };
}
function forget() {
  pending = null;
  for (const l of listeners) l();
}
function wrote(before: string, after: string) {
  pending = recordWrite(pending, before, after);
  for (const l of listeners) l();
}
// Never changes what a page shows for `next`, so nothing needs to re-render.
function caughtUp(next: string) {
  pending = settle(pending, next);
}
const getPending = () => pending;
const getServerPending = () => null;

export function useUrlState<S>(spec: UrlStateSpec<S>): [S, (patch: UrlStatePatch<S>) => void] {
  const { keys, parse, serialize, history = 'replace' } = spec;
  const pathname = usePathname();
  const nextUrl = urlKey(pathname, useSearchParams().toString());
  const shown = shownUrl(nextUrl, useSyncExternalStore(subscribe, getPending, getServerPending));
  // Retire the writes Next has shown (or a navigation replaced), so Back to an earlier URL shows that URL.
  useEffect(() => caughtUp(nextUrl), [nextUrl]);
  const owned = ownedParams(searchOf(shown), keys).toString();
  const state = useMemo(() => parse(new URLSearchParams(owned)), [owned, parse]);
  const update = useCallback(
    (patch: UrlStatePatch<S>) => {
      // From the URL as last written, not the last render: two quick changes both land.
      const { search, hash } = window.location;
      const query = patchQuery({ keys, parse, serialize }, search, patch);
      const [before, after] = [urlKey(pathname, search), urlKey(pathname, query)];
      if (after === before) return;
      window.history[history === 'push' ? 'pushState' : 'replaceState'](null, '', `${window.location.pathname}${query}${hash}`);
      wrote(before, after);
    },
    [pathname, parse, serialize, keys, history],
  );
  return [state, update];
}
