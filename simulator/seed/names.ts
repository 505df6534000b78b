// Name material for a believable company: Harbor & Pine Insurance (harborpine.com), on Azure Databricks.
export const DOMAIN = 'harborpine.com';

export const FIRST_NAMES = [
  'Maya', 'Liam', 'Sofia', 'Noah', 'Aisha', 'Ethan', 'Chloe', 'Mateo', 'Hannah', 'Lucas', 'Zara', 'Oliver', 'Ines', 'Elijah',
  'Grace', 'Kenji', 'Amara', 'Felix', 'Leila', 'Henry', 'Nora', 'Ravi', 'Isla', 'Tomas', 'Yuki', 'Caleb', 'Freya', 'Omar',
  'Clara', 'Diego', 'Mila', 'Samuel', 'Anika', 'Julian', 'Elena', 'Arjun', 'Ruby', 'Hugo', 'Naomi', 'Victor', 'Lena', 'Marcus',
  'Ava', 'Tariq', 'Eva', 'Jonah', 'Mei', 'Adrian', 'Sara', 'Kofi', 'Ingrid', 'Pablo', 'Alice', 'Dmitri', 'Rosa', 'Gabriel',
  'Fatima', 'Leo', 'Hana', 'Owen',
];

export const LAST_NAMES = [
  'Patel', 'Nguyen', 'Garcia', 'Kim', 'Schmidt', 'Okonkwo', 'Rossi', 'Johansson', 'Tanaka', 'Dubois', 'Fernandes', 'Cohen',
  'Walker', 'Novak', 'Haddad', 'Larsen', 'Moreno', 'Chen', 'Brennan', 'Mensah', 'Kowalski', 'Silva', 'Ahmed', 'Fischer',
  'Romero', 'Lindqvist', 'Park', 'Murphy', 'Yilmaz', 'Costa', 'Andersen', 'Ibrahim', 'Bauer', 'Santos', 'Muller', 'Reyes',
  'Sato', 'Hughes', 'Petrov', 'Alvarez', 'Singh', 'Becker', 'Morales', 'Nakamura', 'OBrien', 'Vargas', 'Eriksen', 'Das',
  'Kaplan', 'Ward',
];

/** Team groups and how many of the people go into each (fractions of the headcount). */
export const TEAMS: Array<{ name: string; share: number }> = [
  { name: 'data-engineering', share: 0.18 },
  { name: 'data-science', share: 0.14 },
  { name: 'analytics', share: 0.16 },
  { name: 'bi-developers', share: 0.08 },
  { name: 'finance-analysts', share: 0.08 },
  { name: 'claims-analytics', share: 0.1 },
  { name: 'actuarial', share: 0.07 },
  { name: 'ml-engineering', share: 0.07 },
  { name: 'platform-ops', share: 0.05 },
  { name: 'contractors', share: 0.07 },
];

export const SERVICE_PRINCIPALS: Array<{ name: string; active: boolean; groups: string[] }> = [
  { name: 'brickwatch-service', active: true, groups: ['admins'] },
  { name: 'etl-orchestrator', active: true, groups: ['data-engineering'] },
  { name: 'powerbi-gateway', active: true, groups: ['bi-developers'] },
  { name: 'ml-batch-scoring', active: true, groups: ['ml-engineering'] },
  { name: 'fivetran-ingest', active: true, groups: [] },
  { name: 'dbt-cloud-prod', active: true, groups: ['data-engineering'] },
  { name: 'hightouch-reverse-etl', active: true, groups: [] },
  { name: 'legacy-airflow', active: false, groups: ['data-engineering'] },
];

export const NODE_TYPES = ['Standard_DS3_v2', 'Standard_D8ds_v5', 'Standard_E8ds_v5', 'Standard_D16ds_v5', 'Standard_E16ds_v5', 'Standard_NC6s_v3'];
export const SPARK_VERSIONS = ['15.4.x-scala2.12', '14.3.x-scala2.12', '13.3.x-scala2.12', '16.4.x-scala2.12', '12.2.x-scala2.12'];

export const JOB_SUBJECTS = [
  'claims-ingest', 'policy-snapshot', 'premium-forecast', 'fraud-scoring', 'customer-360', 'broker-commissions', 'reserve-calc',
  'marketing-attribution', 'telematics-ingest', 'churn-model', 'gl-reconciliation', 'underwriting-features', 'quote-funnel',
  'catastrophe-exposure', 'agent-performance', 'billing-export', 'kyc-screening', 'renewals-pricing', 'call-center-nlp',
  'reinsurance-cessions',
];
