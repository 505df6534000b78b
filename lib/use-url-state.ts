'use client';
// The one URL-state idiom for every page (STYLE §9). nuqs reads and writes the search params — shallow by default, so
// a filter change never re-renders the server page (each panel fetches its own query), batched, with Back working —
// while the area's contract decides what the params mean: the same parse the server page and the API use, and the
// canonical serialisation (fixed keys, defaults left out) that also keys the queries.
import { parseAsString, useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';

export interface UrlStateSpec<S> {
  /** Every search param the page owns. */
  keys: readonly string[];
  /** Raw params → state; lenient (a stale link still renders). */
  parse: (raw: URLSearchParams) => S;
  /** State → canonical params. */
  serialize: (state: S) => URLSearchParams;
  /** 'push': Back undoes a change (audit's zoom and filters); 'replace' (default): filters that refine one view. */
  history?: 'push' | 'replace';
}

export function useUrlState<S>(spec: UrlStateSpec<S>): [S, (patch: Partial<S> | ((current: S) => S)) => void] {
  const { keys, parse, serialize, history = 'replace' } = spec;
  const parsers = useMemo(() => Object.fromEntries(keys.map((k) => [k, parseAsString])), [keys]);
  const [raw, setRaw] = useQueryStates(parsers, { history, shallow: true, scroll: false });
  const state = useMemo(() => parse(toParams(raw)), [raw, parse]);
  const update = useCallback(
    (patch: Partial<S> | ((current: S) => S)) =>
      // From the previous URL values, not the last render: two quick changes both land.
      void setRaw((previous) => {
        const current = parse(toParams(previous));
        const next = typeof patch === 'function' ? patch(current) : { ...current, ...patch };
        const params = serialize(next);
        return Object.fromEntries(keys.map((k) => [k, params.get(k)]));
      }),
    [setRaw, parse, serialize, keys],
  );
  return [state, update];
}

function toParams(raw: Record<string, string | null>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (v !== null) params.set(k, v);
  return params;
}
