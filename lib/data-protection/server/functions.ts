// The bodies of masking and filter functions. information_schema.routines gives a body only to the function's owner;
// for the others Unity Catalog's functions API is asked, once per function (a handful, whatever the estate's size).
// A body that cannot be read leaves the function "depends on the function", never a guess.
import 'server-only';
import { getFunction } from '@/lib/databricks/api/unity-catalog';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { log } from '@/lib/log';
import type { RoutineRow } from './sql';

export interface FunctionBody {
  name: string;
  owner: string | null;
  returnType: string | null;
  body: string | null;
  /** Why the body is missing. */
  unreadable: string | null;
}

const fullName = (r: RoutineRow) => `${r.routine_catalog}.${r.routine_schema}.${r.routine_name}`;

/** Bodies of `wanted` (full names), from the routines already read and, where those hold none, the functions API. */
export async function functionBodies(
  ws: Workspace,
  routines: readonly RoutineRow[],
  wanted: Iterable<string>,
): Promise<Map<string, FunctionBody>> {
  const byName = new Map(routines.map((r) => [fullName(r).toLowerCase(), r]));
  const out = new Map<string, FunctionBody>();
  await Promise.all(
    [...new Set([...wanted].map((n) => n.toLowerCase()))].map(async (key) => {
      const r = byName.get(key);
      const base: FunctionBody = {
        name: r ? fullName(r) : key,
        owner: r?.routine_owner ?? null,
        returnType: r?.full_data_type ?? null,
        body: r?.routine_definition ?? null,
        unreadable: null,
      };
      if (base.body === null) {
        try {
          const info = await ws.coalesce(`uc.function:${key}`, () => getFunction(ws.rest, base.name));
          base.body = info.routine_definition ?? null;
          base.owner ??= info.owner ?? null;
          base.returnType ??= info.full_data_type ?? null;
          if (base.body === null) base.unreadable = 'Databricks did not return its body';
        } catch (e) {
          base.unreadable = `its body could not be read (${upstreamReason(e)})`;
          log.warn('data_protection.function_unreadable', { function: base.name, error: e });
        }
      }
      out.set(key, base);
    }),
  );
  return out;
}
