// Plain data shapes shared by the token rules, the tokens API and the tokens page. No I/O, no server imports:
// client components import these too.

export const DAY_MS = 86_400_000;

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

export const OWNER_KINDS = ['user', 'service_principal', 'unknown'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** `deleted`: the owner id no longer resolves in SCIM; `unknown`: SCIM could not be asked. */
export const OWNER_STATUSES = ['active', 'deactivated', 'deleted', 'unknown'] as const;
export type OwnerStatus = (typeof OWNER_STATUSES)[number];

export interface TokenOwner {
  /** SCIM id (numeric string), null when Databricks did not report one. */
  id: string | null;
  kind: OwnerKind;
  /** userName for people, applicationId for service principals. */
  name: string | null;
  displayName: string | null;
  status: OwnerStatus;
}

/** One token as the access layer reports it, owner already resolved. Times are epoch ms. */
export interface TokenRecord {
  tokenId: string;
  comment: string;
  creationTime: number;
  /** null: never expires (Databricks sends -1 or omits the field). */
  expiryTime: number | null;
  /** Start of the UTC day of the last use (~1 day accuracy); null: no recorded use. */
  lastUsedDay: number | null;
  createdBy: string | null;
  owner: TokenOwner;
}

/** Successful PAT sign-ins (`accounts.tokenLogin`) of one token over the usage window, aggregated in SQL. */
export interface TokenUsage {
  distinctIps: number;
  distinctClients: number;
}

export const RISK_CODES = [
  'no_expiry',
  'owner_inactive',
  'expires_soon',
  'lifetime_above_max',
  'unused',
  'possibly_shared',
  'expired',
] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export interface RiskReason {
  code: RiskCode;
  level: RiskLevel;
  /** What the page shows; names no secret, only token metadata. */
  text: string;
}

export interface TokenRisk {
  level: RiskLevel;
  /** Highest level first. Empty means nothing is wrong. */
  reasons: RiskReason[];
}

/** A token as the list API returns it. */
export interface TokenRow extends TokenRecord {
  risk: RiskLevel;
  reasons: RiskReason[];
  /** Whole days until expiry (negative once expired); null when it never expires. */
  daysLeft: number | null;
}
