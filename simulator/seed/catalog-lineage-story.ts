// Who reads and writes what in the demo estate, for system.access.table_lineage. catalog-lineage.ts turns these into
// patterns and drops any that the grants would not allow, so nobody reads what they cannot read.
//
// The story: pipelines' service principals run every night (Fivetran lands bronze, etl-orchestrator builds silver,
// dbt builds gold), Power BI reads gold through the business day, Hightouch syncs customer_360 four times a day;
// Databricks jobs run as whoever the estate says they run as (a job whose run-as identity lacks a privilege fails and
// leaves no lineage); two dashboards refresh every morning; people read from notebooks what their team works on.
// Grants nobody uses: analysts' SELECT on silver, the direct SELECT on silver.customers, Power BI's MODIFY on gold,
// legacy-airflow's MODIFY on bronze, the direct SELECT on hr.people.employees (no USE CATALOG hr), most of
// bi-developers' ALL PRIVILEGES on gold; contractors' SELECT on hr.recruiting was last used about 75 days ago;
// one analyst's MODIFY on gold.premium_by_region was used twice.

const LANDING = 'abfss://landing@hpdatalakeprod.dfs.core.windows.net';

/** What a Databricks job reads and writes, by the subject its name starts with (seed/names.ts JOB_SUBJECTS). */
export const JOB_FLOWS: Record<string, { sources: string[]; target?: string; sourcePath?: string; targetPath?: string }> = {
  'claims-ingest': { sources: [], sourcePath: `${LANDING}/claims/`, target: 'analytics.bronze.raw_claims' },
  'policy-snapshot': { sources: ['analytics.silver.policies'], target: 'analytics.gold.premium_by_region' },
  'premium-forecast': { sources: ['analytics.gold.premium_by_region', 'analytics.silver.policies'] },
  'fraud-scoring': { sources: ['analytics.silver.claims', 'analytics.bronze.raw_claims'] },
  'customer-360': {
    sources: ['analytics.silver.customers', 'analytics.silver.policies', 'analytics.silver.claims'],
    target: 'analytics.gold.customer_360',
  },
  'broker-commissions': { sources: ['finance.ledger.transactions'], target: 'finance.reporting.revenue_monthly' },
  'reserve-calc': { sources: ['analytics.silver.claims'], target: 'analytics.gold.claims_daily' },
  'marketing-attribution': { sources: ['analytics.bronze.raw_web_logs'], target: 'analytics.gold.marketing_engagement' },
  'churn-model': { sources: ['sandbox.scratch.model_features'], target: 'sandbox.ml.churn_predictions' },
  'gl-reconciliation': { sources: ['finance.ledger.transactions', 'finance.ledger.vendors'], target: 'finance.reporting.revenue_monthly' },
  'underwriting-features': { sources: ['analytics.silver.policies', 'analytics.silver.claims'], target: 'sandbox.scratch.model_features' },
  'quote-funnel': { sources: ['main.default.web_orders', 'analytics.bronze.raw_web_logs'] },
  'catastrophe-exposure': { sources: ['analytics.silver.policies', 'reference.geo.regions'] },
  'agent-performance': { sources: ['analytics.gold.premium_by_region'] },
  'billing-export': {
    sources: ['finance.ledger.card_payments'],
    targetPath: 'abfss://exports@hpdatalakeprod.dfs.core.windows.net/billing/',
  },
  'kyc-screening': { sources: ['analytics.silver.customers'] },
  'renewals-pricing': { sources: ['analytics.silver.policies'] },
  'reinsurance-cessions': { sources: ['analytics.silver.claims', 'finance.ledger.transactions'] },
};

/** Tables a team reads from notebooks, when its grants allow. Analysts stay on gold: their silver grant is unused. */
export const TEAM_INTERESTS: Record<string, string[]> = {
  'data-engineering': [
    'analytics.bronze.raw_customers',
    'analytics.bronze.raw_claims',
    'analytics.bronze.raw_web_logs',
    'analytics.silver.customers',
    'analytics.silver.claims',
  ],
  analytics: [
    'analytics.gold.claims_daily',
    'analytics.gold.premium_by_region',
    'analytics.gold.marketing_engagement',
    'reference.products.products',
  ],
  'bi-developers': ['analytics.gold.premium_by_region', 'analytics.gold.customer_360', 'reference.geo.regions'],
  'claims-analytics': ['analytics.silver.claims', 'analytics.silver.policies', 'analytics.gold.claims_daily'],
  'data-science': [
    'analytics.silver.customers',
    'analytics.silver.policies',
    'sandbox.scratch.model_features',
    'sandbox.ml.churn_predictions',
  ],
  'ml-engineering': ['sandbox.ml.churn_predictions', 'sandbox.scratch.model_features'],
  'finance-analysts': ['finance.ledger.transactions', 'finance.ledger.card_payments', 'finance.reporting.revenue_monthly'],
  actuarial: ['analytics.gold.premium_by_region', 'finance.reporting.revenue_monthly'],
  'security-managers': ['hr.people.employees', 'hr.people.compensation'],
  'platform-ops': ['main.default.web_orders'],
  contractors: ['sandbox.scratch.customer_extract'],
  'security-analysts': ['system.access.audit'],
};

/** Workloads of service principals that reach the warehouse from outside Databricks (no entity): hour lists in UTC. */
export const SP_WORKLOADS: Array<{
  sp: 'fivetran' | 'etl' | 'dbt' | 'powerbi' | 'hightouch';
  source?: string;
  sourcePath?: string;
  target?: string;
  hours: number[];
  minute: number;
  weekdaysOnly?: boolean;
  permille: number;
}> = [
  {
    sp: 'fivetran',
    sourcePath: `${LANDING}/crm/customers/`,
    target: 'analytics.bronze.raw_customers',
    hours: [1],
    minute: 10,
    permille: 1000,
  },
  { sp: 'fivetran', sourcePath: `${LANDING}/payments/`, target: 'analytics.bronze.raw_payments', hours: [1], minute: 25, permille: 990 },
  { sp: 'etl', source: 'analytics.bronze.raw_customers', target: 'analytics.silver.customers', hours: [2], minute: 0, permille: 1000 },
  { sp: 'etl', source: 'analytics.bronze.raw_claims', target: 'analytics.silver.claims', hours: [2], minute: 15, permille: 1000 },
  { sp: 'etl', sourcePath: `${LANDING}/policy-admin/`, target: 'analytics.silver.policies', hours: [2], minute: 30, permille: 1000 },
  { sp: 'dbt', source: 'analytics.silver.claims', target: 'analytics.gold.claims_daily', hours: [3], minute: 5, permille: 1000 },
  { sp: 'dbt', source: 'analytics.silver.policies', target: 'analytics.gold.premium_by_region', hours: [3], minute: 10, permille: 1000 },
  ...['analytics.gold.claims_daily', 'analytics.gold.premium_by_region', 'analytics.gold.customer_360'].map((source) => ({
    sp: 'powerbi' as const,
    source,
    hours: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
    minute: 0,
    weekdaysOnly: true,
    permille: 600,
  })),
  { sp: 'hightouch', source: 'analytics.gold.customer_360', hours: [0, 6, 12, 18], minute: 30, permille: 1000 },
];

/** Dashboards that refresh every morning, owned by people of these groups (lineage names the owner). */
export const DASHBOARDS: Array<{ name: string; ownerGroup: string; sources: string[]; hour: number }> = [
  {
    name: 'Claims operations',
    ownerGroup: 'claims-analytics',
    sources: ['analytics.silver.claims', 'analytics.gold.claims_daily'],
    hour: 6,
  },
  {
    name: 'Premium and growth',
    ownerGroup: 'bi-developers',
    sources: ['analytics.gold.premium_by_region', 'analytics.gold.marketing_engagement', 'reference.products.products'],
    hour: 6,
  },
  { name: 'Security audit review', ownerGroup: 'security-analysts', sources: ['system.access.audit'], hour: 7 },
];
