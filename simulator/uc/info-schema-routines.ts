// information_schema views of functions and volumes: ROUTINES, PARAMETERS, ROUTINE_PRIVILEGES, VOLUMES and
// VOLUME_PRIVILEGES, with the column lists a live workspace returns (Databricks SQL reference pages; a live
// workspace's DESCRIBE agrees and adds ROUTINE_OWNER).
//
// ROUTINE_DEFINITION is "NULL if the user is not the owner" (Databricks SQL reference): the simulator applies that to
// everyone, metastore admins included, with ownership through a group counting. Others read the body through
// GET /api/2.1/unity-catalog/functions/{name}, which returns it to anyone allowed to get the function.
import type { InfoSchemaView } from './info-schema';
import { LEAVES, TYPE_DETAIL_COLUMNS, type ViewSql, baseType, fullType, mine } from './info-schema-sql';

/** Functions whose body reads who is asking or the clock cannot be deterministic. */
const NON_DETERMINISTIC = `'(current_user|session_user|is_account_group_member|is_member|current_timestamp|now|rand|uuid)\\s*\\('`;

const PARAMS_SHAPE = `'[{"name": "VARCHAR", "type": "VARCHAR"}]'`;

export function routineViewSql(view: InfoSchemaView, v: ViewSql): string {
  const functions = v.visibleLeaves(LEAVES.function);
  const names = (alias: string) => `${alias}.catalog_name AS specific_catalog, ${alias}.schema_name AS specific_schema,
    ${alias}.function_name AS specific_name`;
  switch (view) {
    case 'routines':
      return `SELECT ${names('f')}, f.catalog_name AS routine_catalog, f.schema_name AS routine_schema,
          f.function_name AS routine_name, f.owner AS routine_owner, 'FUNCTION' AS routine_type,
          ${baseType('f.return_type')} AS data_type, ${fullType('f.return_type')} AS full_data_type, ${TYPE_DETAIL_COLUMNS},
          'SQL' AS routine_body, CASE WHEN ${mine('f.owner')} THEN f.body ELSE NULL END AS routine_definition,
          CAST(NULL AS VARCHAR) AS external_name, 'SQL' AS external_language, 'SQL' AS parameter_style,
          CASE WHEN regexp_matches(lower(f.body), ${NON_DETERMINISTIC}) THEN 'NO' ELSE 'YES' END AS is_deterministic,
          'CONTAINS SQL' AS sql_data_access, 'YES' AS is_null_call, 'DEFINER' AS security_type,
          CAST(NULL AS VARCHAR) AS sql_path, f.comment, f.created_at AS created, f.created_by,
          f.created_at AS last_altered, f.created_by AS last_altered_by
        FROM ${functions} f`;
    case 'parameters':
      return `SELECT ${names('p')}, CAST(p.pos AS INTEGER) AS ordinal_position, 'IN' AS parameter_mode, 'NO' AS is_result,
          'NO' AS as_locator, p.param.name AS parameter_name, ${baseType('p.param.type')} AS data_type,
          ${fullType('p.param.type')} AS full_data_type, ${TYPE_DETAIL_COLUMNS},
          CAST(NULL AS VARCHAR) AS parameter_default, CAST(NULL AS VARCHAR) AS comment
        FROM (SELECT f.*, unnest(json_transform(f.params, ${PARAMS_SHAPE})) AS param,
                generate_subscripts(json_transform(f.params, ${PARAMS_SHAPE}), 1) AS pos
              FROM ${functions} f) p`;
    case 'routine_privileges':
      return `SELECT g.grantor, g.principal AS grantee, ${names('g')}, g.catalog_name AS routine_catalog,
          g.schema_name AS routine_schema, g.function_name AS routine_name, g.privilege AS privilege_type,
          'NO' AS is_grantable, g.inherited_from
        FROM ${v.leafPrivileges(LEAVES.function)} g`;
    case 'volumes':
      return `SELECT t.catalog_name AS volume_catalog, t.schema_name AS volume_schema, t.volume_name, t.volume_type,
          t.owner AS volume_owner, t.comment, t.storage_location, t.created_at AS created, t.created_by,
          t.created_at AS last_altered, t.created_by AS last_altered_by
        FROM ${v.visibleLeaves(LEAVES.volume)} t`;
    case 'volume_privileges':
      return `SELECT g.grantor, g.principal AS grantee, g.catalog_name AS volume_catalog, g.schema_name AS volume_schema,
          g.volume_name, g.privilege AS privilege_type, 'NO' AS is_grantable, g.inherited_from
        FROM ${v.leafPrivileges(LEAVES.volume)} g`;
    default:
      throw new Error(`No information_schema view ${view}`);
  }
}
