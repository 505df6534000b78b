// Shared material for the seeded notebooks: the estate's real tables (see catalog-demo.ts), their columns, and
// the words people use in notebook names. Clean notebooks draw only on this, so they hold nothing credential-like.
import type { Rng } from './random';

export interface TableRef {
  name: string;
  /** Key, date, amount and category columns the templates can group and filter by. */
  key: string;
  date: string;
  amount: string;
  dims: string[];
}

export const TABLES: TableRef[] = [
  { name: 'analytics.silver.claims', key: 'claim_id', date: 'loss_date', amount: 'claim_amount', dims: ['region', 'product', 'status'] },
  { name: 'analytics.silver.policies', key: 'policy_id', date: 'start_date', amount: 'premium', dims: ['region', 'product', 'channel'] },
  { name: 'analytics.silver.customers', key: 'customer_id', date: 'created_at', amount: 'lifetime_value', dims: ['region', 'segment'] },
  { name: 'analytics.gold.claims_daily', key: 'claim_date', date: 'claim_date', amount: 'paid_amount', dims: ['region', 'product'] },
  { name: 'analytics.gold.premium_by_region', key: 'month', date: 'month', amount: 'written_premium', dims: ['region', 'product'] },
  {
    name: 'analytics.gold.customer_360',
    key: 'customer_id',
    date: 'last_contact_date',
    amount: 'total_premium',
    dims: ['segment', 'region'],
  },
  { name: 'finance.ledger.transactions', key: 'txn_id', date: 'posted_at', amount: 'amount', dims: ['account', 'currency'] },
  { name: 'finance.reporting.revenue_monthly', key: 'month', date: 'month', amount: 'revenue', dims: ['line_of_business'] },
  { name: 'sandbox.scratch.model_features', key: 'customer_id', date: 'snapshot_date', amount: 'tenure_months', dims: ['segment'] },
  { name: 'sandbox.ml.churn_predictions', key: 'customer_id', date: 'scored_at', amount: 'churn_probability', dims: ['segment'] },
];

export const RAW_TABLES = ['analytics.bronze.raw_claims', 'analytics.bronze.raw_customers', 'analytics.bronze.raw_web_logs'];

export const STORAGE_ACCOUNT = 'harborpinedatalake';
export const LANDING = `abfss://landing@${STORAGE_ACCOUNT}.dfs.core.windows.net`;

export const tableOf = (rng: Rng, prefer?: string) => TABLES.find((t) => t.name === prefer) ?? rng.pick(TABLES);

/** snake_case words for notebook names by team. */
export const TOPICS: Record<string, string[]> = {
  'data-engineering': [
    'backfill_claims',
    'debug_policy_join',
    'delta_optimize_check',
    'autoloader_landing_claims',
    'schema_drift_investigation',
    'dedupe_customers',
    'reprocess_failed_batch',
    'cdc_policy_admin',
    'merge_into_silver',
    'partition_rewrite',
  ],
  'data-science': [
    'churn_eda',
    'feature_importance',
    'propensity_model',
    'claims_severity_gbm',
    'customer_segments_kmeans',
    'uplift_experiment',
    'text_features_call_notes',
  ],
  analytics: [
    'loss_ratio_by_region',
    'premium_deep_dive',
    'renewal_rates',
    'claims_cycle_time',
    'quote_conversion',
    'broker_league_table',
    'nps_drivers',
  ],
  'bi-developers': ['powerbi_extract_prep', 'dashboard_kpis', 'semantic_layer_checks', 'report_refresh_validation'],
  'finance-analysts': ['month_end_variance', 'accruals_review', 'budget_vs_actuals', 'fx_rates_check', 'gl_tieout'],
  'claims-analytics': ['fraud_referrals_review', 'subrogation_recoveries', 'reserve_movements', 'large_loss_watchlist'],
  actuarial: ['loss_triangles', 'ibnr_chain_ladder', 'pricing_glm', 'cat_exposure_summary', 'reserve_adequacy'],
  'ml-engineering': ['model_serving_smoke_test', 'feature_store_sync', 'batch_scoring_monitor', 'drift_report'],
  'platform-ops': ['cluster_cost_report', 'job_failures_triage', 'table_sizes', 'unused_tables', 'warehouse_usage'],
  contractors: ['vendor_data_mapping', 'migration_validation', 'legacy_report_port'],
  'security-analysts': ['token_usage_review', 'failed_logins_investigation', 'grant_changes_last_week', 'secret_access_review'],
  'security-managers': ['weekly_posture_numbers', 'audit_summary'],
};

export const GENERIC_TOPICS = ['scratch', 'test', 'exploration', 'quick_check', 'sandbox', 'Copy of analysis', 'notes'];

export const SUBFOLDERS = ['scratch', 'projects', 'archive', 'sandbox', 'old', 'wip'];
