// A tiny path router: ':name' matches one segment, a final ':name*' the rest of the path. Literal segments win
// over parameters so '/tokens/permissionLevels' is not taken for '/tokens/:id'.
import type { RestRoute } from '../core/contract';
import type { WsRoute } from './types';

interface Compiled {
  route: WsRoute;
  segs: string[];
  score: number;
}

export type RouteMatch = { route: WsRoute; params: Record<string, string> };

export class Router {
  private compiled: Compiled[] = [];

  add(routes: Array<RestRoute | WsRoute>): void {
    for (const route of routes) {
      const segs = route.path.split('/').filter(Boolean);
      const score = segs.reduce((s, seg, i) => s + (seg.startsWith(':') ? 0 : 2 ** (20 - i)), 0);
      this.compiled.push({ route, segs, score });
    }
    this.compiled.sort((a, b) => b.score - a.score);
  }

  /** The matching route, or null if no route serves this method and path. */
  match(method: string, path: string): RouteMatch | null {
    const parts = path.split('/').filter(Boolean);
    for (const c of this.compiled) {
      if (c.route.method !== method) continue;
      const params = matchSegments(c.segs, parts);
      if (params) return { route: c.route, params };
    }
    return null;
  }
}

function matchSegments(segs: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string;
    if (seg.startsWith(':') && seg.endsWith('*')) {
      if (i >= parts.length) return null;
      params[seg.slice(1, -1)] = parts.slice(i).map(decode).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (seg.startsWith(':')) params[seg.slice(1)] = decode(part);
    else if (seg !== part) return null;
  }
  return segs.length === parts.length ? params : null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
