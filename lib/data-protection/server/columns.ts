// GET /api/data-protection/columns: sensitive columns, whether each is masked and its table filtered, who can still
// read it raw, coverage per catalog, and the functions in use. Five SQL statements whatever the estate's size; who can
// read comes from the grants area's effective-access rules, the same ones "who can read this table?" uses.
import 'server-only';
import { getConfig } from '@/lib/config';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { ColumnView, ColumnsQuery, ColumnsResponse, FunctionView } from '@/lib/data-protection/contract';
import { coverageOf } from '@/lib/data-protection/rules/coverage';
import { detectColumn, SQL_NAME_PATTERN, TAG_PATTERN } from '@/lib/data-protection/rules/detect';
import { analyseMask, seesRaw } from '@/lib/data-protection/rules/mask-analysis';
import { readFilter, readMask, type FilterOnTable, type MaskOnColumn } from '@/lib/data-protection/rules/views';
import { effectiveAccess, indexGrants } from '@/lib/grants/rules/effective';
import type { Principal } from '@/lib/principals/rules';
import { leafTypeOfTable } from '@/lib/grants/rules/privileges';
import { directGrantOf } from '@/lib/grants/server/access';
import { cachedGrantsRead, GRANTS_READ, loadIndex, partialViewNotice } from '@/lib/grants/server/read';
import { functionBodies } from './functions';
import { CANDIDATES, COLUMN_MASKS, READ_GRANTS, ROUTINES, ROW_FILTERS } from './sql';

const key = (...parts: string[]) => parts.join('.').toLowerCase();

export function loadColumns(ws: Workspace, query: ColumnsQuery, maskSchema = getConfig().grants.maskSchema): Promise<ColumnsResponse> {
  return cachedGrantsRead(ws, `data-protection.columns?catalog=${query.catalog ?? ''}`, GRANTS_READ, async () => {
    const [index, candidates, masks, filters, grants, routines] = await Promise.all([
      loadIndex(ws),
      ws.sql.query(CANDIDATES, { catalog: query.catalog ?? '', name_pattern: SQL_NAME_PATTERN, tag_pattern: TAG_PATTERN }),
      ws.sql.query(COLUMN_MASKS),
      ws.sql.query(ROW_FILTERS),
      ws.sql.query(READ_GRANTS),
      ws.sql.query(ROUTINES),
    ]);
    const maskOf = new Map<string, MaskOnColumn>();
    for (const r of masks.rows) {
      const m = readMask(r);
      if (m) maskOf.set(key(m.table, m.column), m);
    }
    const filterOf = new Map<string, FilterOnTable>();
    for (const r of filters.rows) {
      const f = readFilter(r);
      if (f) filterOf.set(key(f.table), f);
    }
    const used = new Set([...[...maskOf.values()].map((m) => m.function), ...[...filterOf.values()].map((f) => f.function)]);
    const bodies = await functionBodies(ws, routines.rows, used);
    const analyses = new Map(
      [...maskOf.values()].map((m) => [m.function.toLowerCase(), analyseMask(bodies.get(m.function.toLowerCase())?.body ?? null)]),
    );

    const byTable = indexGrants(grants.rows.map(directGrantOf));
    const access = effectiveAccess(index);
    const readersOf = new Map<string, readonly Principal[]>();
    const namesOf = new WeakMap<readonly Principal[], string[]>();
    const groupsOf = new Map<string, string[]>();
    const groupsOfName = (name: string) => {
      let g = groupsOf.get(name);
      if (!g) groupsOf.set(name, (g = index.groupsOf(name)));
      return g;
    };
    const columns: ColumnView[] = [];
    for (const c of candidates.rows) {
      const tags = c.tags ? c.tags.split(',').filter(Boolean) : [];
      const found = detectColumn(c.column_name, c.full_data_type ?? '', tags);
      if (!found) continue;
      const table = `${c.table_catalog}.${c.table_schema}.${c.table_name}`;
      let readers = readersOf.get(table.toLowerCase());
      if (!readers) {
        readers = access.readerPrincipals(
          {
            fullName: table,
            type: leafTypeOfTable(c.table_type),
            owner: c.table_owner,
            schemaOwner: c.schema_owner,
            catalogOwner: c.catalog_owner,
          },
          byTable,
        );
        readersOf.set(table.toLowerCase(), readers);
      }
      const mask = maskOf.get(key(table, c.column_name)) ?? null;
      const analysis = mask ? analyses.get(mask.function.toLowerCase())! : null;
      const filter = filterOf.get(key(table)) ?? null;
      let unmasked: string[] | null;
      let note: string | null = null;
      if (!analysis) {
        // Every unmasked column of a table has the same raw readers: one list per table.
        unmasked = namesOf.get(readers) ?? readers.map((r) => r.name);
        namesOf.set(readers, unmasked);
      } else if (analysis.kind === 'known')
        unmasked = readers.filter((r) => seesRaw(analysis, r.name, groupsOfName(r.name))).map((r) => r.name);
      else {
        unmasked = null;
        note = `Depends on the function: ${analysis.reason}.`;
      }
      columns.push({
        table,
        column: c.column_name,
        dataType: (c.full_data_type ?? '').toUpperCase(),
        kind: found.kind,
        sources: found.sources,
        tags,
        masked: mask !== null,
        maskFunction: mask?.function ?? null,
        maskUsing: mask?.using ?? [],
        rowFilter: filter ? { function: filter.function, columns: filter.columns } : null,
        readers: readers.length,
        unmaskedReaders: unmasked,
        exposureNote: note,
      });
    }
    // Unprotected first: they are what to fix.
    columns.sort((a, b) => Number(a.masked) - Number(b.masked) || a.table.localeCompare(b.table) || a.column.localeCompare(b.column));

    const functions = new Map<string, FunctionView>();
    const fn = (name: string, role: 'mask' | 'filter') => {
      const k = name.toLowerCase();
      const body = bodies.get(k);
      const analysis = role === 'mask' ? analyses.get(k) : undefined;
      const view = functions.get(k) ?? {
        name,
        usedAs: [],
        owner: body?.owner ?? null,
        body: body?.body ?? null,
        raw: analysis?.kind === 'known' ? { rawFor: analysis.rawFor, groups: analysis.groups, users: analysis.users } : null,
        note: body?.unreadable ?? (analysis?.kind === 'unknown' ? `Depends on the function: ${analysis.reason}.` : null),
        usedBy: [],
      };
      if (!view.usedAs.includes(role)) view.usedAs.push(role);
      functions.set(k, view);
      return view;
    };
    const inScope = (table: string) => !query.catalog || table.split('.')[0]!.toLowerCase() === query.catalog.toLowerCase();
    for (const m of maskOf.values()) if (inScope(m.table)) fn(m.function, 'mask').usedBy.push({ table: m.table, column: m.column });
    for (const f of filterOf.values()) if (inScope(f.table)) fn(f.function, 'filter').usedBy.push({ table: f.table, column: null });

    return {
      columns,
      coverage: coverageOf(columns.map((c) => ({ table: c.table, masked: c.masked, filtered: c.rowFilter !== null }))),
      functions: [...functions.values()].sort((a, b) => a.name.localeCompare(b.name)),
      notices: partialViewNotice(ws, index, 'the tables you can see and the grants made to you or your groups'),
      maskSchema,
      groups: index.groupNames(),
      statements: 5,
      readAt: Date.now(),
    };
  });
}
