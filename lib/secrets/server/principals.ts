// The ACL dialog's principal picker: active people, groups and service principals from the shared directory read,
// matched on the name ACLs use and on the display name. Groups come first when nothing is typed (the practice is to
// grant groups), then closer matches first.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { Principal } from '@/lib/principals/rules';

export const PICKER_LIMIT = 20;

const KIND_ORDER: Record<Principal['kind'], number> = { group: 0, service_principal: 1, user: 2, unknown: 3 };

export async function searchPrincipals(ws: Workspace, q: string): Promise<{ principals: Principal[]; more: boolean }> {
  const index = await loadPrincipals(ws);
  const needle = q.trim().toLowerCase();
  const score = (p: Principal): number | null => {
    if (!needle) return KIND_ORDER[p.kind];
    const name = p.name.toLowerCase();
    const display = (p.displayName ?? '').toLowerCase();
    if (name === needle || display === needle) return 0;
    if (name.startsWith(needle) || display.startsWith(needle)) return 1;
    if (display.split(/\s+/).some((w) => w.startsWith(needle))) return 2;
    if (name.includes(needle) || display.includes(needle)) return 3;
    return null;
  };
  const matches = index
    .all()
    .filter((p) => p.status === 'active')
    .flatMap((p) => {
      const s = score(p);
      return s === null ? [] : [{ p, s }];
    })
    .sort((a, b) => a.s - b.s || (a.p.displayName ?? a.p.name).localeCompare(b.p.displayName ?? b.p.name));
  return { principals: matches.slice(0, PICKER_LIMIT).map((m) => m.p), more: matches.length > PICKER_LIMIT };
}
