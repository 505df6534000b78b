// Grants of the demo catalog: healthy group grants beside the situations the dashboard looks for — direct grants
// to individual people, ALL PRIVILEGES to `users` / `account users`, MANAGE held by people who are not admins, a
// contractors group reading recruiting PII — each more than once.

export interface GrantPeople {
  /** Non-admin people chosen from the estate, each used for one finding. */
  directReader: string;
  silverManager: string;
  goldManager: string;
  vendorReader: string;
  hrReader: string;
  hrManager: string;
  etlSp: string;
}

export type SeedGrant = [type: 'catalog' | 'schema' | 'table' | 'function', fullName: string, principal: string, privileges: string[]];

export function demoGrants(p: GrantPeople): SeedGrant[] {
  const auditReaders = ['admins', 'security-analysts', 'security-managers'];
  return [
    ...auditReaders.flatMap((g): SeedGrant[] => [
      ['catalog', 'system', g, ['USE_CATALOG']],
      ['schema', 'system.access', g, ['USE_SCHEMA']],
      ['table', 'system.access.audit', g, ['SELECT']],
    ]),
    ['catalog', 'main', 'account users', ['USE_CATALOG']],
    ['schema', 'main.default', 'users', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'main.governance', 'users', ['USE_SCHEMA']],
    ['schema', 'main.governance', 'account users', ['EXECUTE']],
    ['catalog', 'analytics', 'users', ['USE_CATALOG']],
    ['schema', 'analytics.bronze', 'data-engineering', ['USE_SCHEMA', 'SELECT', 'MODIFY', 'MANAGE']],
    ['schema', 'analytics.bronze', p.etlSp, ['USE_SCHEMA', 'MODIFY', 'SELECT']],
    ['table', 'analytics.bronze.raw_web_logs', 'users', ['ALL_PRIVILEGES']],
    ...['analytics', 'data-science', 'claims-analytics', 'bi-developers'].map((g): SeedGrant => [
      'schema',
      'analytics.silver',
      g,
      ['USE_SCHEMA'],
    ]),
    ...['analytics', 'data-science', 'claims-analytics'].map((g): SeedGrant => ['schema', 'analytics.silver', g, ['SELECT']]),
    ['table', 'analytics.silver.customers', p.directReader, ['SELECT']],
    ['table', 'analytics.silver.customers', p.silverManager, ['MANAGE']],
    ['schema', 'analytics.gold', 'account users', ['USE_SCHEMA', 'SELECT']],
    ['schema', 'analytics.gold', 'bi-developers', ['ALL_PRIVILEGES']],
    ['schema', 'analytics.gold', p.goldManager, ['MANAGE']],
    ['catalog', 'finance', 'finance-analysts', ['USE_CATALOG']],
    ['catalog', 'finance', 'actuarial', ['USE_CATALOG']],
    ['schema', 'finance.ledger', 'finance-analysts', ['USE_SCHEMA', 'SELECT']],
    ['table', 'finance.ledger.vendors', p.vendorReader, ['SELECT']],
    ['schema', 'finance.reporting', 'users', ['USE_SCHEMA', 'ALL_PRIVILEGES']],
    ['catalog', 'hr', 'security-managers', ['USE_CATALOG']],
    ['catalog', 'hr', 'contractors', ['USE_CATALOG']],
    ['catalog', 'hr', p.hrManager, ['MANAGE', 'USE_CATALOG']],
    ['schema', 'hr.people', 'security-managers', ['USE_SCHEMA', 'SELECT']],
    ['table', 'hr.people.employees', p.hrReader, ['SELECT']],
    ['schema', 'hr.recruiting', 'contractors', ['USE_SCHEMA', 'SELECT']],
    ['catalog', 'sandbox', 'account users', ['USE_CATALOG', 'ALL_PRIVILEGES']],
    ['catalog', 'reference', 'analytics', ['USE_CATALOG', 'USE_SCHEMA', 'SELECT']],
    ['catalog', 'reference', 'bi-developers', ['USE_CATALOG', 'USE_SCHEMA', 'SELECT']],
  ];
}
