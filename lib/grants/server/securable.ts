// A securable's detail: SHOW GRANTS on it (direct and inherited grants, as Databricks lists them) and its owner.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { SecurableDetail } from '@/lib/grants/contract';
import { splitFullName, sqlPrivilege, type SecurableType } from '@/lib/grants/rules/privileges';
import { cachedGrantsRead, GRANTS_READ } from './read';
import { OWNER_OF } from './sql';
import { showGrantsStatement } from './statements';

export function securableDetail(ws: Workspace, type: SecurableType, fullName: string): Promise<SecurableDetail> {
  const show = showGrantsStatement(type, fullName);
  return cachedGrantsRead(ws, `grants.detail?${type}:${fullName.toLowerCase()}`, GRANTS_READ, async () => {
    const { catalog, schema, object } = splitFullName(fullName);
    const level = type === 'VIEW' ? 'TABLE' : type;
    const [grants, owner] = await Promise.all([
      ws.sql.query(show),
      ws.sql.query(OWNER_OF, { level, catalog, schema: schema ?? '', name: object ?? '' }),
    ]);
    return {
      fullName,
      type,
      owner: owner.rows[0]?.owner ?? null,
      // Some workspaces list the owner as an OWN row; the owner field says it once.
      grants: grants.rows
        .filter((g) => g.actionType.toUpperCase() !== 'OWN')
        .map((g) => ({ principal: g.principal, privilege: sqlPrivilege(g.actionType), objectType: g.objectType, objectKey: g.objectKey })),
      sql: show.sql,
    };
  });
}
