// Filters live in the URL (STYLE §9). One zod schema per page describes its search params; the server page, the client
// component and the API route all parse with it, so a link reproduces a view exactly. Client-safe.
// Write these schemas with `zod/mini` (tree-shakable, a few kB in the browser) rather than `zod` (~45 kB gzipped):
// they ship to the client. Both kinds work everywhere, since parsing goes through zod's standalone functions.
import { parse, safeParse, ZodMiniCatch, type core } from 'zod/mini';

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Repeated keys become arrays (`?risk=high&risk=medium`), single keys stay strings. */
export function searchParamsToObject(params: RawSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (k: string, v: string) => {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  };
  if (params instanceof URLSearchParams) params.forEach((v, k) => add(k, v));
  else for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) add(k, one);
  return out;
}

/**
 * For pages: a hand-edited or stale URL must still render, so a value the schema rejects falls back to the schema's
 * defaults (give fields `orElse()`, below, for per-field fallback). API routes use the strict parse in route() instead.
 */
export function parseSearchParams<S extends core.$ZodType>(schema: S, params: RawSearchParams): core.output<S> {
  const parsed = safeParse(schema, searchParamsToObject(params));
  return parsed.success ? parsed.data : parse(schema, {});
}

/** The URL form of a filter state; empty values and values equal to `defaults` are left out to keep links short. */
export function toSearchParams(values: Record<string, unknown>, defaults: Record<string, unknown> = {}): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (JSON.stringify(v) === JSON.stringify(defaults[k])) continue;
    for (const one of Array.isArray(v) ? v : [v]) sp.append(k, one instanceof Date ? one.toISOString() : String(one));
  }
  return sp;
}

/**
 * zod's catch for a URL field: a value the schema rejects becomes `value`, so a stale link still renders. Made from
 * ZodMiniCatch directly because zod's own catch function reaches all of zod's util namespace, which the browser's
 * bundle of zod (next.config.js) would then keep whole: 2.5 kB gzip on every page.
 */
export function orElse<T extends core.$ZodType>(inner: T, value: core.output<T>): ZodMiniCatch<T> {
  // The constructor is typed for any inner schema; zod's catch narrows its result the same way.
  return new ZodMiniCatch({ type: 'catch', innerType: inner, catchValue: () => value }) as unknown as ZodMiniCatch<T>;
}
