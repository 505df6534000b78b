// Grants of the demo catalog. The healthy core: in `analytics`, data engineers hold USE CATALOG and CREATE TABLE /
// MODIFY / SELECT on bronze and silver and SELECT on gold; analysts (`analytics`) USE CATALOG and SELECT on gold;
// pipelines' service principals what their jobs need. Beside it, the drift the dashboard looks for — direct grants
// to people, ALL PRIVILEGES to `users` / `account users`, MANAGE held by people who are not admins, write privileges
// on gold held by a person and by a BI service principal, a service principal with ALL PRIVILEGES on a catalog, a
// grant to a deactivated service principal, contractors reading recruiting PII — and grants nobody uses (the
// lineage seed, catalog-lineage*.ts, decides who reads what; see its story).

export interface GrantPeople {
  /** Non-admin people chosen from the estate, each used for one finding. */
  directReader: string;
  silverManager: string;
  goldManager: string;
  goldWriter: string;
  vendorReader: string;
  hrReader: string;
  hrManager: string;
  /** Service principals' application ids, by display name. */
  sp: Record<'etl' | 'powerbi' | 'dbt' | 'fivetran' | 'hightouch' | 'legacyAirflow', string>;
}

/**
 * The grants the estate leaves on purpose to a principal that has since been deactivated, by its display name: the
 * Grants screen's "grant to a deactivated principal" finding. legacy-airflow was switched off when the pipelines moved
 * to Databricks jobs, and nobody revoked what it held. seed/invariants-sql.ts allows exactly these and no others.
 */
export const DEACTIVATED_GRANTS_MEANT = [
  { type: 'schema', fullName: 'analytics.bronze', principal: 'legacy-airflow', privileges: ['USE_SCHEMA', 'MODIFY'] },
] as const;

export type SeedGrant = [
  type: 'catalog' | 'schema' | 'table' | 'function' | 'volume',
  fullName: string,
  principal: string,
  privileges: string[],
];

export function demoGrants(p: GrantPeople): SeedGrant[] {
  const auditReaders = ['admins', 'security-analysts', 'security-managers'];
  const sp = p.sp;
  return [
    ...auditReaders.flatMap((g): SeedGrant[] => [
      ['catalog', 'system', g, ['USE_CATALOG']],
      ['schema', 'system.access', g, ['USE_SCHEMA']],
      ['table', 'system.access.audit', g, ['SELECT']],
      ['table', 'system.access.table_lineage', g, ['SELECT']],
    ]),
    ['catalog', 'main', 'account users', ['USE_CATALOG']],
    ['schema', 'main.default', 'users', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'main.governance', 'users', ['USE_SCHEMA']],
    ['schema', 'main.governance', 'account users', ['EXECUTE']],
    ['catalog', 'analytics', 'users', ['USE_CATALOG']],
    ['catalog', 'analytics', 'data-engineering', ['USE_CATALOG']],
    ['catalog', 'analytics', 'analytics', ['USE_CATALOG']],
    ['schema', 'analytics.bronze', 'data-engineering', ['USE_SCHEMA', 'SELECT', 'MODIFY', 'CREATE_TABLE', 'MANAGE']],
    ['schema', 'analytics.bronze', sp.etl, ['USE_SCHEMA', 'MODIFY', 'SELECT']],
    ['schema', 'analytics.bronze', sp.fivetran, ['USE_SCHEMA', 'MODIFY', 'CREATE_TABLE']],
    ['catalog', 'analytics', sp.fivetran, ['USE_CATALOG']],
    ...DEACTIVATED_GRANTS_MEANT.map((g): SeedGrant => [
      g.type,
      g.fullName,
      { 'legacy-airflow': sp.legacyAirflow }[g.principal],
      [...g.privileges],
    ]),
    ['table', 'analytics.bronze.raw_web_logs', 'users', ['ALL_PRIVILEGES']],
    ['schema', 'analytics.silver', 'data-engineering', ['USE_SCHEMA', 'SELECT', 'MODIFY', 'CREATE_TABLE']],
    ['schema', 'analytics.silver', sp.etl, ['USE_SCHEMA', 'SELECT', 'MODIFY']],
    ...['analytics', 'data-science', 'claims-analytics', 'bi-developers'].map((g): SeedGrant => [
      'schema',
      'analytics.silver',
      g,
      ['USE_SCHEMA'],
    ]),
    ...['analytics', 'data-science', 'claims-analytics'].map((g): SeedGrant => ['schema', 'analytics.silver', g, ['SELECT']]),
    ['table', 'analytics.silver.customers', p.directReader, ['SELECT']],
    ['table', 'analytics.silver.customers', p.silverManager, ['MANAGE']],
    ['schema', 'analytics.gold', 'data-engineering', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'analytics.gold', 'analytics', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'analytics.gold', 'account users', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'analytics.gold', 'bi-developers', ['ALL_PRIVILEGES']],
    ['schema', 'analytics.gold', p.goldManager, ['MANAGE']],
    ['table', 'analytics.gold.premium_by_region', p.goldWriter, ['MODIFY']],
    // Power BI only reads, but its service principal was given write access to gold "to refresh extracts".
    ['schema', 'analytics.gold', sp.powerbi, ['USE_SCHEMA', 'SELECT', 'MODIFY']],
    ['table', 'analytics.gold.customer_360', sp.hightouch, ['SELECT']],
    ['catalog', 'analytics', sp.dbt, ['ALL_PRIVILEGES']],
    ['volume', 'analytics.bronze.landing', sp.fivetran, ['READ_VOLUME', 'WRITE_VOLUME']],
    ['volume', 'analytics.bronze.claim_documents', 'claims-analytics', ['READ_VOLUME']],
    ['volume', 'analytics.bronze.claim_documents', 'account users', ['READ_VOLUME']],
    ['catalog', 'finance', 'finance-analysts', ['USE_CATALOG']],
    ['catalog', 'finance', 'actuarial', ['USE_CATALOG']],
    ['schema', 'finance.ledger', 'finance-analysts', ['USE_SCHEMA', 'SELECT']],
    ['table', 'finance.ledger.vendors', p.vendorReader, ['SELECT']],
    ['schema', 'finance.reporting', 'users', ['USE_SCHEMA', 'ALL_PRIVILEGES']],
    ['volume', 'finance.reporting.statements', 'finance-analysts', ['READ_VOLUME']],
    ['catalog', 'hr', 'security-managers', ['USE_CATALOG']],
    ['catalog', 'hr', 'contractors', ['USE_CATALOG']],
    ['catalog', 'hr', p.hrManager, ['MANAGE', 'USE_CATALOG']],
    ['schema', 'hr.people', 'security-managers', ['USE_SCHEMA', 'SELECT']],
    ['table', 'hr.people.employees', p.hrReader, ['SELECT']],
    ['schema', 'hr.recruiting', 'contractors', ['USE_SCHEMA', 'SELECT']],
    ['catalog', 'sandbox', 'account users', ['USE_CATALOG', 'ALL_PRIVILEGES']],
    ['volume', 'sandbox.scratch.exports', 'users', ['ALL_PRIVILEGES']],
    ['catalog', 'reference', 'analytics', ['USE_CATALOG', 'USE_SCHEMA', 'SELECT']],
    ['catalog', 'reference', 'bi-developers', ['USE_CATALOG', 'USE_SCHEMA', 'SELECT']],
  ];
}
