// The demo Unity Catalog estate of Harbor & Pine: best-practice `analytics` (bronze/silver/gold) beside finance, hr,
// sandbox, reference and main, with PII columns masked and unmasked, row filters, and column tags on some PII.
// Tables are in catalog-demo-analytics.ts and catalog-demo-tables.ts.
import type { Gen } from './catalog-data';
import { analyticsTables } from './catalog-demo-analytics';
import { otherTables } from './catalog-demo-tables';

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
  /** Created this many days ago (a range the seed picks from; default 200–450). Lineage starts no earlier. */
  ageDays?: [number, number];
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

export function demoTables(): DemoTable[] {
  return [...analyticsTables(), ...otherTables()];
}

export interface GovernanceFunction {
  name: string;
  params: Array<{ name: string; type: string }>;
  returns: string;
  body: string;
  /** Written by the hr catalog's owner rather than the platform admins: admins then see its body only over REST. */
  ownedByHr?: boolean;
}

/** Masking and row-filter functions, all in main.governance. Group names are the estate's. */
export const GOVERNANCE_FUNCTIONS: GovernanceFunction[] = [
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
    ownedByHr: true,
  },
  {
    name: 'mask_card',
    params: [{ name: 'card_number', type: 'STRING' }],
    returns: 'STRING',
    body: "CASE WHEN is_account_group_member('finance-analysts') THEN card_number ELSE concat('************', right(card_number, 4)) END",
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

export interface DemoVolume {
  fullName: string;
  owner: string;
  comment: string;
  /** External volumes live at this path; managed ones under the metastore's root. */
  external?: string;
}

export function demoVolumes(o: Owners): DemoVolume[] {
  return [
    { fullName: 'analytics.bronze.landing', owner: 'data-engineering', comment: 'Files dropped by Fivetran before ingestion' },
    {
      fullName: 'analytics.bronze.claim_documents',
      owner: 'data-engineering',
      comment: 'Scanned claim forms and damage photos',
      external: 'abfss://claims-docs@hpdatalakeprod.dfs.core.windows.net/scans',
    },
    {
      fullName: 'finance.reporting.statements',
      owner: o.finance,
      comment: 'Monthly statements for the auditors',
      external: 'abfss://finance@hpdatalakeprod.dfs.core.windows.net/statements',
    },
    { fullName: 'sandbox.scratch.exports', owner: o.contractor, comment: 'CSV exports for ad-hoc analysis' },
  ];
}
