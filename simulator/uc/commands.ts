// Runs the Unity Catalog statements the warehouse answers itself (parsed by command-parser.ts) for the session's
// caller. Names resolve against the session's current catalog and schema, as on Databricks.
import type { RequestMeta } from '../core/contract';
import type { CommandHandler } from '../sql/execute';
import { BOOLEAN, VARCHAR } from '@duckdb/node-api';
import { EMPTY_RESULT, type ResultSet, stringResult, valuesResult } from '../sql/result-set';
import type { SqlSession } from '../sql/session';
import { type SecurableRef, type UcCommand, parseUcCommand } from './command-parser';
import { UcError, ucErrors } from './errors';
import { type Actor, resolveSecurable, updatePermissions } from './grants';
import { type MaskDeps, createFunction, dropFunction, dropMask, dropRowFilter, setColumnTags, setMask, setRowFilter } from './masks';
import { GRANTABLE, type Securable, lineage, sqlPrivilege } from './privileges';
import { privilegeModel, structure } from './store';

export class UcCommands implements CommandHandler {
  constructor(private readonly deps: MaskDeps) {}

  async run(session: SqlSession, text: string, meta: RequestMeta): Promise<ResultSet | null> {
    const cmd = parseUcCommand(text);
    if (!cmd) return null;
    try {
      return await this.exec(session, cmd, { principal: session.principal, meta });
    } catch (err) {
      throw err instanceof UcError ? err.toSql() : err;
    }
  }

  private name(session: SqlSession, parts: string[], depth: 1 | 2 | 3): string {
    const lower = parts.map((p) => p.toLowerCase());
    if (lower.length > depth) throw ucErrors.invalid(`Name ${parts.join('.')} has too many parts.`, 'INVALID_IDENTIFIER');
    const defaults = [session.catalog, session.schema].slice(0, depth - lower.length);
    return [...defaults, ...lower].join('.');
  }

  private securable(session: SqlSession, ref: SecurableRef): string {
    return this.name(session, ref.parts, ref.type === 'catalog' ? 1 : ref.type === 'schema' ? 2 : 3);
  }

  private async exec(session: SqlSession, cmd: UcCommand, actor: Actor): Promise<ResultSet> {
    const d = this.deps;
    const table = (parts: string[]) => this.name(session, parts, 3);
    switch (cmd.kind) {
      case 'grant':
      case 'revoke':
        await updatePermissions(d, actor, cmd.securable.type, this.securable(session, cmd.securable), [
          { principal: cmd.principal, [cmd.kind === 'grant' ? 'add' : 'remove']: cmd.privileges },
        ]);
        return EMPTY_RESULT;
      case 'show_grants':
        return this.showGrants(session, cmd.securable, cmd.principal);
      case 'set_mask':
        await setMask(d, actor, table(cmd.table), cmd.column, table(cmd.fn), cmd.using);
        return EMPTY_RESULT;
      case 'drop_mask':
        await dropMask(d, actor, table(cmd.table), cmd.column);
        return EMPTY_RESULT;
      case 'set_row_filter':
        await setRowFilter(d, actor, table(cmd.table), table(cmd.fn), cmd.inputs);
        return EMPTY_RESULT;
      case 'drop_row_filter':
        await dropRowFilter(d, actor, table(cmd.table));
        return EMPTY_RESULT;
      case 'set_tags':
      case 'unset_tags':
        await setColumnTags(
          d,
          actor,
          table(cmd.table),
          cmd.column,
          cmd.kind === 'set_tags' ? cmd.tags : cmd.tags.map((k) => [k, '']),
          cmd.kind === 'unset_tags',
        );
        return EMPTY_RESULT;
      case 'create_function':
        await createFunction(d, actor, { fullName: table(cmd.name), params: cmd.params, returnType: cmd.returnType, body: cmd.body }, cmd);
        return EMPTY_RESULT;
      case 'drop_function':
        await dropFunction(d, actor, table(cmd.name), cmd.ifExists);
        return EMPTY_RESULT;
      case 'use':
        return this.use(session, cmd);
      default:
        return this.show(session, cmd);
    }
  }

  private async use(session: SqlSession, cmd: Extract<UcCommand, { kind: 'use' }>): Promise<ResultSet> {
    const st = await structure(this.deps.db);
    const [catalog, schema] =
      cmd.level === 'catalog'
        ? [this.name(session, cmd.parts, 1), 'default']
        : (this.name(session, cmd.parts, 2).split('.') as [string, string]);
    if (!st.catalogs.has(catalog)) throw ucErrors.notFound('catalog', catalog);
    if (cmd.level === 'schema' && schema !== 'information_schema' && !st.schemas.has(`${catalog}.${schema}`))
      throw ucErrors.notFound('schema', `${catalog}.${schema}`);
    // USE CATALOG lands on `default` when there is one, as on Databricks; else on information_schema.
    const target = cmd.level === 'catalog' && !st.schemas.has(`${catalog}.default`) ? 'information_schema' : schema;
    await session.use(catalog, target);
    return EMPTY_RESULT;
  }

  /** SHOW GRANTS: direct and inherited grants (plus OWN for the owner), for those allowed to see them. */
  private async showGrants(session: SqlSession, ref: SecurableRef, principal: string | null): Promise<ResultSet> {
    const s = await resolveSecurable(this.deps.db, ref.type, this.securable(session, ref));
    const model = await privilegeModel(this.deps.db);
    const mine = session.principals;
    const allowed = model.canManage(s, mine, session.principal.isAdmin) || (principal !== null && mine.has(principal));
    if (!allowed) throw ucErrors.denied(`User does not have MANAGE on ${s.type} '${s.fullName}' and may only list their own grants.`);
    const rows: string[][] = [];
    const owner = model.owner(s);
    if (owner && (!principal || principal === owner)) rows.push([owner, 'OWN', s.type.toUpperCase(), s.fullName]);
    for (const level of lineage(s)) {
      const grants = model.direct(level).filter((g) => (!principal || g.principal === principal) && GRANTABLE[s.kind].has(g.privilege));
      const sorted = [...grants].sort((a, b) => a.principal.localeCompare(b.principal) || a.privilege.localeCompare(b.privilege));
      for (const g of sorted) rows.push([g.principal, sqlPrivilege(g.privilege), level.type.toUpperCase(), level.fullName]);
    }
    return stringResult(['principal', 'actionType', 'objectType', 'objectKey'], rows);
  }

  private async show(
    session: SqlSession,
    cmd: Extract<UcCommand, { kind: 'show_catalogs' | 'show_schemas' | 'show_tables' }>,
  ): Promise<ResultSet> {
    const [st, model] = await Promise.all([structure(this.deps.db), privilegeModel(this.deps.db)]);
    const visible = (s: Securable) => model.isVisible(s, session.principals, session.principal.isAdmin);
    if (cmd.kind === 'show_catalogs') {
      return stringResult(
        ['catalog'],
        [...st.catalogs.keys()]
          .filter((c) => visible({ type: 'catalog', fullName: c, kind: 'catalog' }))
          .sort()
          .map((c) => [c]),
      );
    }
    if (cmd.kind === 'show_schemas') {
      const catalog = (cmd.catalog ?? session.catalog).toLowerCase();
      if (!st.catalogs.has(catalog)) throw ucErrors.notFound('catalog', catalog);
      const schemas = [...st.schemas.keys()].filter(
        (k) => k.startsWith(`${catalog}.`) && visible({ type: 'schema', fullName: k, kind: 'schema' }),
      );
      return stringResult(['databaseName'], schemas.map((k) => [k.slice(catalog.length + 1)]).sort());
    }
    const schema = cmd.schema ? this.name(session, cmd.schema, 2) : `${session.catalog}.${session.schema}`;
    if (!st.schemas.has(schema)) throw ucErrors.notFound('schema', schema);
    const tables = [...st.tables.values()].filter(
      (t) => `${t.catalog}.${t.schema}` === schema && visible({ type: 'table', fullName: t.fullName, kind: t.kind }),
    );
    // Databricks' SHOW TABLES columns; UC tables are never temporary.
    return valuesResult(
      [
        { name: 'database', type: VARCHAR },
        { name: 'tableName', type: VARCHAR },
        { name: 'isTemporary', type: BOOLEAN },
      ],
      tables.map((t) => [t.schema, t.name, false]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  }
}
