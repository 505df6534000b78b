// The pure part of useUrlState (lib/use-url-state.ts): which URL a page shows while Next catches up with this tab's
// history writes, and how a patch becomes the next query string. URLs are compared as `pathname?search` with the
// search normalised by URLSearchParams, so Next's form and the written form of one URL are equal.

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

export type UrlStatePatch<S> = Partial<S> | ((current: S) => S);

/** The query string (`?…` or '') a patch makes of `search`, computed from that URL's state, not a rendered one. */
export function patchQuery<S>({ keys, parse, serialize }: UrlStateSpec<S>, search: string, patch: UrlStatePatch<S>): string {
  const current = parse(ownedParams(search, keys));
  return withOwned(search, keys, serialize(typeof patch === 'function' ? patch(current) : { ...current, ...patch }));
}

/** This tab's writes Next has not shown yet: `base` is what Next showed before the first, `chain` each URL written. */
export interface Pending {
  base: string;
  chain: readonly string[];
}

export function urlKey(pathname: string, search: string): string {
  return `${pathname}?${new URLSearchParams(search).toString()}`;
}

export function searchOf(key: string): string {
  return key.slice(key.indexOf('?') + 1);
}

/**
 * While Next still shows the URL a write was made over (or one written since), the last write wins: Next applies
 * writes in order and will get there. Any other URL is a navigation (a link, a redirect) and Next's wins.
 */
export function shownUrl(next: string, pending: Pending | null): string {
  if (!pending) return next;
  const last = pending.chain.at(-1)!;
  return next === pending.base || pending.chain.includes(next) ? last : next;
}

export function recordWrite(pending: Pending | null, before: string, after: string): Pending {
  // Written over the last write: one more in the chain; over anything else, the URL moved on without us.
  if (pending && pending.chain.at(-1) === before) return { base: pending.base, chain: [...pending.chain, after] };
  return { base: before, chain: [after] };
}

/**
 * What is still pending once Next shows `next` (never changes what shownUrl answers for `next`). A URL written twice is
 * taken at its first write, so a chain that returns to an earlier URL is kept until Next is surely past it.
 */
export function settle(pending: Pending | null, next: string): Pending | null {
  if (!pending || next === pending.base) return pending;
  const i = pending.chain.indexOf(next);
  if (i < 0 || i === pending.chain.length - 1) return null;
  return { base: next, chain: pending.chain.slice(i + 1) };
}

/** Every value of the owned keys, in URL order: repeated keys (`?risk=high&risk=medium`) reach parse whole. */
export function ownedParams(search: string, keys: readonly string[]): URLSearchParams {
  const owned = new URLSearchParams();
  for (const [k, v] of new URLSearchParams(search)) if (keys.includes(k)) owned.append(k, v);
  return owned;
}

/**
 * The query string (`?…`, or '' when empty) with the owned keys replaced by `params`: other params stay as they are,
 * an owned key keeps its place, a new one goes last in `keys` order, and keys outside `keys` are not written.
 */
export function withOwned(search: string, keys: readonly string[], params: URLSearchParams): string {
  const out = new URLSearchParams();
  const placed = new Set<string>();
  const place = (k: string) => {
    placed.add(k);
    for (const v of params.getAll(k)) out.append(k, v);
  };
  for (const [k, v] of new URLSearchParams(search)) {
    if (!keys.includes(k)) out.append(k, v);
    else if (!placed.has(k)) place(k);
  }
  for (const k of keys) if (!placed.has(k)) place(k);
  return renderQuery(out);
}

// Only what would break the query is escaped, so links stay readable (`risk=high,medium`, `from=2025-01-01T10:00`).
const escape = (s: string) =>
  s
    .replace(/%/g, '%25')
    .replace(/\+/g, '%2B')
    .replace(/ /g, '+')
    .replace(/#/g, '%23')
    .replace(/&/g, '%26')
    .replace(/"/g, '%22')
    .replace(/'/g, '%27')
    .replace(/`/g, '%60')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/[\x00-\x1F\x7F]/g, encodeURIComponent);

function renderQuery(params: URLSearchParams): string {
  const parts = [...params].map(([k, v]) => `${escape(k).replace(/=/g, '%3D')}=${escape(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
