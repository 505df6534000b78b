// GET /api/grants/matrix: principals × securables in one SQL statement. Without a catalog, the whole-metastore summary
// (catalogs and schemas; grants on objects inside a schema counted per principal, fetched in detail when the schema
// is expanded); with one, every object of that catalog (or schema) with direct and inherited grants told apart.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { matrixQueryString, type GrantRow, type MatrixQuery, type MatrixResponse, type SecurableRow } from '@/lib/grants/contract';
import { leafTypeOfTable, parentOf, restPrivilege, sqlPrivilege, type SecurableType } from '@/lib/grants/rules/privileges';
import type { PrincipalIndex } from '@/lib/principals/rules';
import { cachedGrantsRead, GRANTS_READ, loadIndex, partialViewNotice } from './read';
import { LIST_SEP, listParam, MATRIX_CATALOG, MATRIX_SUMMARY, type GrantsSqlRow } from './sql';

/** A principal and every group it is in: whose grants make up what it holds. */
export function principalAndGroups(index: PrincipalIndex, name: string): string[] {
  return [index.resolve(name).name, ...index.groupsOf(name)];
}

export function securableOf(row: GrantsSqlRow): SecurableRow {
  const type: SecurableType = row.level === 'TABLE' ? leafTypeOfTable(row.table_type) : row.level;
  return { fullName: row.name, type, owner: row.owner, parent: parentOf(row.name), objects: row.objects };
}

export function grantOf(row: GrantsSqlRow): GrantRow {
  const inherited = row.inherited_from;
  return {
    principal: row.principal ?? '',
    securable: row.name,
    privilege: sqlPrivilege(row.privilege ?? ''),
    inheritedFrom: inherited === null || inherited.toUpperCase() === 'NONE' ? null : inherited,
  };
}

export function loadMatrix(ws: Workspace, query: MatrixQuery): Promise<MatrixResponse> {
  return cachedGrantsRead(ws, `grants.matrix?${matrixQueryString(query)}`, GRANTS_READ, async () => {
    const index = await loadIndex(ws);
    const principals = query.principal ? principalAndGroups(index, query.principal) : [];
    const common = { principals: listParam(principals), privilege: query.privilege ? restPrivilege(query.privilege) : '', sep: LIST_SEP };
    const result = query.catalog
      ? await ws.sql.query(MATRIX_CATALOG, { ...common, catalog: query.catalog, schema: query.schema ?? '' })
      : await ws.sql.query(MATRIX_SUMMARY, common);

    const kindOk = (name: string) => !query.principalType || index.resolve(name).kind === query.principalType;
    const securables: SecurableRow[] = [];
    const grants: GrantRow[] = [];
    const childGrants: MatrixResponse['childGrants'] = [];
    for (const row of result.rows) {
      if (row.row_kind === 'securable') securables.push(securableOf(row));
      else if (!row.principal || !kindOk(row.principal)) continue;
      else if (row.row_kind === 'grant') grants.push(grantOf(row));
      else
        childGrants.push({
          principal: row.principal,
          securable: row.name,
          privilege: sqlPrivilege(row.privilege ?? ''),
          objects: row.objects ?? 0,
        });
    }
    securables.sort((a, b) => a.fullName.localeCompare(b.fullName));

    // Columns: everyone holding something here, and owners (an owner holds every privilege) unless filtered out.
    const names = new Map<string, string>();
    const add = (name: string | null) => name && !names.has(name.toLowerCase()) && names.set(name.toLowerCase(), name);
    for (const g of grants) add(g.principal);
    for (const g of childGrants) add(g.principal);
    const wanted = new Set(principals.map((p) => p.toLowerCase()));
    // An owner the directory does not know ('System user' of the system catalog) is named on its row, not given a column.
    for (const s of securables) {
      if (!s.owner || index.resolve(s.owner).status === 'deleted' || !kindOk(s.owner)) continue;
      if (wanted.size === 0 || wanted.has(s.owner.toLowerCase())) add(s.owner);
    }
    if (query.principal && kindOk(query.principal)) add(index.resolve(query.principal).name);

    return {
      view: query.catalog ? 'catalog' : 'summary',
      notices: partialViewNotice(ws, index, 'the grants made to you or your groups, and those on objects you own'),
      principals: [...names.values()].map((n) => index.resolve(n)).sort((a, b) => a.name.localeCompare(b.name)),
      securables,
      grants,
      childGrants,
      statements: 1,
      truncated: result.truncated,
      readAt: Date.now(),
    };
  });
}
