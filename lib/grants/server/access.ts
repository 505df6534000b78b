// The two questions the grants page answers directly, both through the shared effective-access rules (the same ones
// data protection uses): who can read this table (every person and service principal, groups expanded, with the
// grant or group that lets them), and what this person can read.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { DomainError } from '@/lib/errors';
import type { WhatCanReadResponse, WhoCanReadResponse } from '@/lib/grants/contract';
import { effectiveAccess, indexGrants, type DirectGrant, type ReadTarget } from '@/lib/grants/rules/effective';
import { splitFullName, type LeafType } from '@/lib/grants/rules/privileges';
import { cachedGrantsRead, GRANTS_READ, loadIndex, partialViewNotice } from './read';
import { grantOf, principalAndGroups, securableOf } from './matrix';
import { HELD_BY, LIST_SEP, listParam, OBJECTS_IN, READ_PATH, type GrantsSqlRow } from './sql';

/** "What can this person read" lists at most this many objects (a principal everyone is in could read the estate). */
export const MAX_READABLE = 20_000;

export function directGrantOf(row: GrantsSqlRow): DirectGrant {
  const g = grantOf(row);
  return { principal: g.principal, securable: g.securable, type: row.level === 'TABLE' ? 'TABLE' : row.level, privilege: g.privilege };
}

export function whoCanRead(ws: Workspace, fullName: string): Promise<WhoCanReadResponse> {
  return cachedGrantsRead(ws, `grants.who-can-read?${fullName.toLowerCase()}`, GRANTS_READ, async () => {
    const { catalog, schema, object } = splitFullName(fullName);
    const [index, result] = await Promise.all([loadIndex(ws), ws.sql.query(READ_PATH, { catalog, schema, name: object })]);
    const securables = result.rows.filter((r) => r.row_kind === 'securable').map(securableOf);
    const target = securables.find((s) => s.type !== 'CATALOG' && s.type !== 'SCHEMA');
    if (!target) {
      throw new DomainError(
        'not_found',
        'SECURABLE_NOT_FOUND',
        `There is no table, view or volume ${fullName}, or ${ws.mode === 'user' ? 'you cannot' : 'Brickwatch cannot'} see it.`,
      );
    }
    const ownerOf = (type: string) => securables.find((s) => s.type === type)?.owner ?? null;
    const readTarget: ReadTarget = {
      fullName: target.fullName,
      type: target.type as LeafType,
      owner: target.owner,
      schemaOwner: ownerOf('SCHEMA'),
      catalogOwner: ownerOf('CATALOG'),
    };
    const grants = indexGrants(result.rows.filter((r) => r.row_kind === 'grant').map(directGrantOf));
    const readers = effectiveAccess(index).readers(readTarget, grants);
    return {
      securable: { fullName: target.fullName, type: target.type, owner: target.owner },
      principals: readers.map((r) => ({ ...r.principal, via: r.via })),
      notices: partialViewNotice(ws, index, 'the grants made to you or your groups, so other readers may be missing'),
      statements: 1,
    };
  });
}

export function whatCanRead(ws: Workspace, principal: string): Promise<WhatCanReadResponse> {
  return cachedGrantsRead(ws, `grants.what-can-read?${principal.toLowerCase()}`, GRANTS_READ, async () => {
    const index = await loadIndex(ws);
    const who = index.resolve(principal);
    if (who.kind === 'group') {
      throw new DomainError(
        'invalid',
        'NOT_A_PERSON',
        `${who.name} is a group: ask what one of its members can read, or filter the matrix by it.`,
      );
    }
    const set = principalAndGroups(index, principal);
    const held = await ws.sql.query(HELD_BY, { principals: listParam(set), sep: LIST_SEP });
    const grants = held.rows.filter((r) => r.row_kind === 'grant').map(directGrantOf);
    const owned = new Map(held.rows.filter((r) => r.row_kind === 'securable').map((r) => [r.name.toLowerCase(), r.owner]));
    // Only catalogs it may use can hold anything it reads.
    const catalogs = new Set<string>();
    for (const g of grants) if (g.type === 'CATALOG' && ['USE CATALOG', 'ALL PRIVILEGES'].includes(g.privilege)) catalogs.add(g.securable);
    for (const r of held.rows) if (r.row_kind === 'securable' && r.level === 'CATALOG') catalogs.add(r.name);
    const objects = catalogs.size ? await ws.sql.query(OBJECTS_IN, { catalogs: listParam(catalogs), sep: LIST_SEP }) : null;

    const byName = indexGrants(grants);
    const access = effectiveAccess(index);
    const securables: WhatCanReadResponse['securables'] = [];
    for (const row of objects?.rows ?? []) {
      const s = securableOf(row);
      const { catalog, schema } = splitFullName(s.fullName);
      const target: ReadTarget = {
        fullName: s.fullName,
        type: s.type as LeafType,
        owner: owned.get(s.fullName.toLowerCase()) ?? null,
        schemaOwner: owned.get(`${catalog}.${schema}`.toLowerCase()) ?? null,
        catalogOwner: owned.get(catalog.toLowerCase()) ?? null,
      };
      const via = access.routesFor(who.name, target, byName);
      if (via) securables.push({ fullName: s.fullName, type: s.type, via });
      if (securables.length >= MAX_READABLE) break;
    }
    securables.sort((a, b) => a.fullName.localeCompare(b.fullName));
    return {
      principal: who,
      groups: index.groupsOf(principal),
      securables,
      notices: partialViewNotice(ws, index, 'the grants made to you or your groups, so this list may be incomplete for others'),
      statements: objects ? 2 : 1,
      truncated: securables.length >= MAX_READABLE || (objects?.truncated ?? false),
    };
  });
}
