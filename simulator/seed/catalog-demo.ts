// The demo Unity Catalog estate of Harbor & Pine: best-practice `analytics` (bronze/silver/gold) beside finance, hr,
// sandbox, reference and main, with PII columns masked and unmasked, row filters, and column tags on some PII.
import { PRODUCTS, REGIONS, type Gen, personColumns } from './catalog-data';

export interface DemoTable {
  catalog: string;
  schema: string;
  name: string;
  owner?: string;
  comment?: string;
  rows: number;
  columns: Array<[name: string, type: string, expr: (g: Gen) => string]>;
  masks?: Record<string, string>;
  filter?: { fn: string; inputs: string[] };
  /** `pii` tag values per column; PII columns left out here are the untagged ones. */
  pii?: Record<string, string>;
}

export interface DemoCatalog {
  name: string;
  owner: string;
  comment: string;
  schemas: Array<{ name: string; owner?: string; comment: string }>;
}

/** Owners chosen from the estate (see catalog.ts). */
export interface Owners {
  finance: string;
  hr: string;
  contractor: string;
}

export function demoCatalogs(o: Owners): DemoCatalog[] {
  return [
    {
      name: 'main',
      owner: 'admins',
      comment: 'Workspace default catalog',
      schemas: [
        { name: 'default', comment: 'Default schema' },
        { name: 'governance', comment: 'Masking and row-filter functions' },
      ],
    },
    {
      name: 'analytics',
      owner: 'data-platform',
      comment: 'Medallion lakehouse for claims, policies and customers',
      schemas: [
        { name: 'bronze', owner: 'data-engineering', comment: 'Raw ingested data' },
        { name: 'silver', comment: 'Cleaned, conformed data' },
        { name: 'gold', comment: 'Business-level aggregates' },
      ],
    },
    {
      name: 'finance',
      owner: o.finance,
      comment: 'General ledger and vendor data',
      schemas: [
        { name: 'ledger', comment: 'Bookings and vendors' },
        { name: 'reporting', comment: 'Monthly reporting' },
      ],
    },
    {
      name: 'hr',
      owner: o.hr,
      comment: 'People data',
      schemas: [
        { name: 'people', comment: 'Employees and compensation' },
        { name: 'recruiting', comment: 'Candidate pipeline' },
      ],
    },
    {
      name: 'sandbox',
      owner: 'data-science',
      comment: 'Experiments and scratch space',
      schemas: [
        { name: 'scratch', owner: o.contractor, comment: 'Ad-hoc extracts' },
        { name: 'ml', comment: 'Model outputs' },
      ],
    },
    {
      name: 'reference',
      owner: 'data-platform',
      comment: 'Shared reference data',
      schemas: [
        { name: 'products', comment: 'Product catalogue' },
        { name: 'geo', comment: 'Regions' },
      ],
    },
  ];
}

const M = 'main.governance.';

export function demoTables(): DemoTable[] {
  const id = (): DemoTable['columns'][number] => ['id', 'BIGINT', () => 'i + 1'];
  const person = (g: Gen) => personColumns(g, 'customers.example.net');
  return [
    {
      catalog: 'main',
      schema: 'default',
      name: 'web_orders',
      rows: 200,
      columns: [
        ['order_id', 'BIGINT', () => '100000 + i'],
        ['ip_address', 'STRING', (g) => `'198.51.100.' || ${g.rnd('ip', 250)}`],
        ['amount', 'DECIMAL(10,2)', (g) => `CAST(${g.rnd('amt', 50000)} / 100 AS DECIMAL(10,2))`],
        ['ordered_at', 'TIMESTAMP', (g) => g.recentTs('t', 60)],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'bronze',
      name: 'raw_customers',
      rows: 300,
      comment: 'Customer master as landed from the CRM',
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['full_name', 'STRING', (g) => person(g).fullName],
        ['email', 'STRING', (g) => person(g).email],
        ['phone', 'STRING', (g) => person(g).phone],
        ['ssn', 'STRING', (g) => person(g).ssn],
        ['date_of_birth', 'DATE', (g) => person(g).dob],
        ['address', 'STRING', (g) => person(g).address],
        ['ingested_at', 'TIMESTAMP', (g) => g.recentTs('t', 30)],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'bronze',
      name: 'raw_claims',
      rows: 500,
      columns: [
        ['claim_id', 'BIGINT', () => 'i + 1'],
        ['policy_id', 'BIGINT', (g) => `1 + ${g.rnd('p', 600)}`],
        ['amount', 'DECIMAL(12,2)', (g) => `CAST(${g.rnd('a', 2000000)} / 100 AS DECIMAL(12,2))`],
        ['description', 'STRING', (g) => g.pick('d', ['Rear-end collision', 'Water damage', 'Hail', 'Theft', 'Fire', 'Windscreen'])],
        ['claimant_email', 'STRING', (g) => person(g).email],
        ['filed_at', 'TIMESTAMP', (g) => g.recentTs('t', 90)],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'bronze',
      name: 'raw_web_logs',
      rows: 1000,
      columns: [
        id(),
        ['session_id', 'STRING', (g) => `md5(${g.rnd('s', 300)}::VARCHAR)`],
        ['ip_address', 'STRING', (g) => `'203.0.113.' || ${g.rnd('ip', 250)}`],
        ['user_agent', 'STRING', (g) => g.pick('ua', ['Mozilla/5.0 (Windows NT 10.0)', 'Mozilla/5.0 (Macintosh)', 'Mozilla/5.0 (iPhone)'])],
        ['url', 'STRING', (g) => g.pick('u', ['/quote', '/claims/new', '/login', '/policies', '/contact'])],
        ['event_time', 'TIMESTAMP', (g) => g.recentTs('t', 14)],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'silver',
      name: 'customers',
      rows: 300,
      comment: 'Conformed customers',
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['full_name', 'STRING', (g) => person(g).fullName],
        ['email', 'STRING', (g) => person(g).email],
        ['phone', 'STRING', (g) => person(g).phone],
        ['ssn', 'STRING', (g) => person(g).ssn],
        ['date_of_birth', 'DATE', (g) => person(g).dob],
        ['address', 'STRING', (g) => person(g).address],
        ['region', 'STRING', (g) => g.pick('r', REGIONS)],
        ['signed_up', 'DATE', (g) => g.recentDate('s', 2000)],
      ],
      masks: { email: `${M}mask_email`, phone: `${M}mask_phone`, ssn: `${M}mask_ssn` },
      pii: { email: 'email', phone: 'phone', ssn: 'ssn', date_of_birth: 'date_of_birth' },
    },
    {
      catalog: 'analytics',
      schema: 'silver',
      name: 'policies',
      rows: 600,
      columns: [
        ['policy_id', 'BIGINT', () => 'i + 1'],
        ['customer_id', 'BIGINT', (g) => `1 + ${g.rnd('c', 300)}`],
        ['product', 'STRING', (g) => g.pick('p', PRODUCTS)],
        ['annual_premium', 'DECIMAL(12,2)', (g) => `CAST(200 + ${g.rnd('a', 500000)} / 100 AS DECIMAL(12,2))`],
        ['region', 'STRING', (g) => g.pick('r', REGIONS)],
        ['start_date', 'DATE', (g) => g.recentDate('s', 1500)],
        ['end_date', 'DATE', (g) => `${g.recentDate('s', 1500)} + 365`],
      ],
      filter: { fn: `${M}region_filter`, inputs: ['region'] },
    },
    {
      catalog: 'analytics',
      schema: 'silver',
      name: 'claims',
      rows: 500,
      columns: [
        ['claim_id', 'BIGINT', () => 'i + 1'],
        ['policy_id', 'BIGINT', (g) => `1 + ${g.rnd('p', 600)}`],
        ['amount', 'DECIMAL(12,2)', (g) => `CAST(${g.rnd('a', 2000000)} / 100 AS DECIMAL(12,2))`],
        ['status', 'STRING', (g) => g.pick('s', ['OPEN', 'IN_REVIEW', 'PAID', 'DENIED'])],
        ['region', 'STRING', (g) => g.pick('r', REGIONS)],
        ['filed_at', 'TIMESTAMP', (g) => g.recentTs('t', 90)],
        ['adjuster_email', 'STRING', (g) => `'adjuster' || ${g.rnd('adj', 12)} || '@harborpine.com'`],
      ],
      filter: { fn: `${M}region_filter`, inputs: ['region'] },
    },
    {
      catalog: 'analytics',
      schema: 'gold',
      name: 'claims_daily',
      rows: 360,
      columns: [
        ['day', 'DATE', (g) => g.recentDate('d', 90)],
        ['region', 'STRING', (g) => g.pick('r', REGIONS)],
        ['claims', 'BIGINT', (g) => g.rnd('c', 80)],
        ['paid', 'DECIMAL(14,2)', (g) => `CAST(${g.rnd('p', 50000000)} / 100 AS DECIMAL(14,2))`],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'gold',
      name: 'premium_by_region',
      rows: 20,
      columns: [
        ['region', 'STRING', () => `${JSON.stringify(REGIONS).replace(/"/g, "'")}[1 + i % 4]`],
        ['product', 'STRING', () => `${JSON.stringify(PRODUCTS).replace(/"/g, "'")}[1 + i // 4]`],
        ['policies', 'BIGINT', (g) => g.rnd('n', 400)],
        ['premium', 'DECIMAL(14,2)', (g) => `CAST(${g.rnd('p', 90000000)} / 100 AS DECIMAL(14,2))`],
      ],
    },
    {
      catalog: 'analytics',
      schema: 'gold',
      name: 'customer_360',
      rows: 300,
      comment: 'One row per customer for CRM sync',
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['full_name', 'STRING', (g) => person(g).fullName],
        ['email', 'STRING', (g) => person(g).email],
        ['lifetime_premium', 'DECIMAL(14,2)', (g) => `CAST(${g.rnd('p', 5000000)} / 100 AS DECIMAL(14,2))`],
        ['open_claims', 'INT', (g) => g.rnd('c', 4)],
        ['churn_score', 'DOUBLE', (g) => `${g.rnd('s', 1000)} / 1000.0`],
      ],
      pii: { email: 'email' },
    },
    {
      catalog: 'finance',
      schema: 'ledger',
      name: 'transactions',
      rows: 800,
      columns: [
        ['txn_id', 'BIGINT', () => 'i + 1'],
        ['account_iban', 'STRING', (g) => personColumns(g, 'x').iban],
        [
          'counterparty',
          'STRING',
          (g) => g.pick('c', ['Acme Reinsurance', 'Northwind Brokers', 'Contoso Claims Services', 'Globex Payroll']),
        ],
        ['amount', 'DECIMAL(14,2)', (g) => `CAST((${g.rnd('a', 4000000)} - 2000000) / 100 AS DECIMAL(14,2))`],
        ['currency', 'STRING', (g) => g.pick('cur', ['USD', 'EUR', 'GBP'])],
        ['booked_at', 'TIMESTAMP', (g) => g.recentTs('t', 90)],
      ],
      masks: { account_iban: `${M}mask_iban` },
      pii: { account_iban: 'iban' },
    },
    {
      catalog: 'finance',
      schema: 'ledger',
      name: 'vendors',
      rows: 60,
      columns: [
        ['vendor_id', 'BIGINT', () => 'i + 1'],
        ['name', 'STRING', (g) => `'Vendor ' || (i + 1) || ' ' || ${g.pick('k', ['LLC', 'GmbH', 'Ltd', 'Inc'])}`],
        ['iban', 'STRING', (g) => personColumns(g, 'x').iban],
        ['tax_id', 'STRING', (g) => `printf('%02d-%07d', ${g.rnd('t1', 100)}, ${g.rnd('t2', 10000000)})`],
        ['contact_email', 'STRING', () => `'ap' || (i + 1) || '@vendor.example'`],
      ],
    },
    {
      catalog: 'finance',
      schema: 'reporting',
      name: 'revenue_monthly',
      rows: 60,
      columns: [
        ['month', 'DATE', (g) => `date_trunc('month', ${g.today}) - to_months(CAST(i // 5 AS INTEGER))`],
        ['line_of_business', 'STRING', () => `${JSON.stringify(PRODUCTS).replace(/"/g, "'")}[1 + i % 5]`],
        ['revenue', 'DECIMAL(16,2)', (g) => `CAST(${g.rnd('r', 900000000)} / 100 AS DECIMAL(16,2))`],
      ],
    },
    {
      catalog: 'hr',
      schema: 'people',
      name: 'employees',
      rows: 150,
      columns: [
        ['employee_id', 'BIGINT', () => '1000 + i'],
        ['full_name', 'STRING', (g) => personColumns(g, 'harborpine.com').fullName],
        ['email', 'STRING', (g) => personColumns(g, 'harborpine.com').email],
        ['ssn', 'STRING', (g) => personColumns(g, 'x').ssn],
        ['date_of_birth', 'DATE', (g) => personColumns(g, 'x').dob],
        ['home_address', 'STRING', (g) => personColumns(g, 'x').address],
        ['salary', 'DECIMAL(12,2)', (g) => `CAST(45000 + ${g.rnd('s', 150000)} AS DECIMAL(12,2))`],
        ['department', 'STRING', (g) => g.pick('d', ['Claims', 'Underwriting', 'Engineering', 'Finance', 'Sales'])],
      ],
      masks: { ssn: `${M}mask_ssn`, salary: `${M}mask_salary` },
      pii: { ssn: 'ssn', salary: 'compensation' },
    },
    {
      catalog: 'hr',
      schema: 'people',
      name: 'compensation',
      rows: 150,
      columns: [
        ['employee_id', 'BIGINT', () => '1000 + i'],
        ['department', 'STRING', (g) => g.pick('d', ['Claims', 'Underwriting', 'Engineering', 'Finance', 'Sales'])],
        ['salary', 'DECIMAL(12,2)', (g) => `CAST(45000 + ${g.rnd('s', 150000)} AS DECIMAL(12,2))`],
        ['bonus', 'DECIMAL(12,2)', (g) => `CAST(${g.rnd('b', 20000)} AS DECIMAL(12,2))`],
        ['effective_date', 'DATE', (g) => g.recentDate('e', 700)],
      ],
      masks: { salary: `${M}mask_salary` },
      filter: { fn: `${M}hr_only`, inputs: [] },
    },
    {
      catalog: 'hr',
      schema: 'recruiting',
      name: 'candidates',
      rows: 120,
      columns: [
        ['candidate_id', 'BIGINT', () => 'i + 1'],
        ['full_name', 'STRING', (g) => personColumns(g, 'mail.example').fullName],
        ['email', 'STRING', (g) => personColumns(g, 'mail.example').email],
        ['phone', 'STRING', (g) => personColumns(g, 'x').phone],
        ['date_of_birth', 'DATE', (g) => personColumns(g, 'x').dob],
        ['source', 'STRING', (g) => g.pick('s', ['Referral', 'LinkedIn', 'Agency'])],
      ],
    },
    {
      catalog: 'sandbox',
      schema: 'scratch',
      name: 'customer_extract',
      rows: 300,
      comment: 'Extract for the churn POC — delete after use',
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['email', 'STRING', (g) => person(g).email],
        ['ssn', 'STRING', (g) => person(g).ssn],
        ['phone', 'STRING', (g) => person(g).phone],
      ],
    },
    {
      catalog: 'sandbox',
      schema: 'scratch',
      name: 'model_features',
      rows: 300,
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['tenure_days', 'INT', (g) => g.rnd('t', 4000)],
        ['claims_count', 'INT', (g) => g.rnd('c', 6)],
        ['premium', 'DECIMAL(12,2)', (g) => `CAST(${g.rnd('p', 600000)} / 100 AS DECIMAL(12,2))`],
      ],
    },
    {
      catalog: 'sandbox',
      schema: 'ml',
      name: 'churn_predictions',
      rows: 300,
      columns: [
        ['customer_id', 'BIGINT', () => 'i + 1'],
        ['score', 'DOUBLE', (g) => `${g.rnd('s', 1000)} / 1000.0`],
        ['scored_at', 'TIMESTAMP', (g) => g.recentTs('t', 7)],
      ],
    },
    {
      catalog: 'reference',
      schema: 'products',
      name: 'products',
      rows: 5,
      columns: [
        ['product', 'STRING', () => `${JSON.stringify(PRODUCTS).replace(/"/g, "'")}[1 + i]`],
        ['line_of_business', 'STRING', () => `CASE WHEN i < 3 THEN 'Personal' ELSE 'Commercial' END`],
        ['launched', 'DATE', (g) => g.recentDate('l', 5000)],
      ],
    },
    {
      catalog: 'reference',
      schema: 'geo',
      name: 'regions',
      rows: 4,
      columns: [
        ['region', 'STRING', () => `${JSON.stringify(REGIONS).replace(/"/g, "'")}[1 + i]`],
        ['country', 'STRING', () => `['US', 'US', 'DE', 'SG'][1 + i]`],
      ],
    },
  ];
}

/** Masking and row-filter functions, all in main.governance. Group names are the estate's. */
export const GOVERNANCE_FUNCTIONS: Array<{ name: string; params: Array<{ name: string; type: string }>; returns: string; body: string }> = [
  {
    name: 'mask_email',
    params: [{ name: 'email', type: 'STRING' }],
    returns: 'STRING',
    body: "CASE WHEN is_account_group_member('security-analysts') OR is_account_group_member('claims-analytics') THEN email ELSE regexp_replace(email, '^[^@]+', '****') END",
  },
  {
    name: 'mask_phone',
    params: [{ name: 'phone', type: 'STRING' }],
    returns: 'STRING',
    body: "CASE WHEN is_account_group_member('claims-analytics') THEN phone ELSE concat('***-***-', right(phone, 4)) END",
  },
  {
    name: 'mask_ssn',
    params: [{ name: 'ssn', type: 'STRING' }],
    returns: 'STRING',
    body: "CASE WHEN is_account_group_member('admins') THEN ssn ELSE concat('***-**-', right(ssn, 4)) END",
  },
  {
    name: 'mask_iban',
    params: [{ name: 'iban', type: 'STRING' }],
    returns: 'STRING',
    body: "CASE WHEN is_account_group_member('finance-analysts') THEN iban ELSE concat(left(iban, 4), '****************') END",
  },
  {
    name: 'mask_salary',
    params: [{ name: 'salary', type: 'DECIMAL(12,2)' }],
    returns: 'DECIMAL(12,2)',
    body: "CASE WHEN is_account_group_member('security-managers') THEN salary ELSE NULL END",
  },
  {
    name: 'region_filter',
    params: [{ name: 'region', type: 'STRING' }],
    returns: 'BOOLEAN',
    body: "is_account_group_member('admins') OR is_account_group_member('data-platform') OR region IN ('US-East', 'US-West')",
  },
  {
    name: 'hr_only',
    params: [],
    returns: 'BOOLEAN',
    body: "is_account_group_member('security-managers') OR is_account_group_member('admins')",
  },
];
