// The scope list's filters and summary, over assessed scopes (plain data): the API answers a filtered view, the
// summary always counts every scope Databricks showed.
import { FINDING_LEVELS, type FindingCode, type FindingLevel } from './findings';

export interface SelectableScope {
  name: string;
  backend: 'DATABRICKS' | 'AZURE_KEYVAULT';
  keyCount: number | null;
  acls: ReadonlyArray<{ principal: string; displayName: string | null }> | null;
  level: FindingLevel | null;
  findings: ReadonlyArray<{ code: FindingCode }>;
  keyVault: { dnsName: string } | null;
}

export interface SelectFilters {
  q?: string;
  finding?: FindingCode;
  backend?: 'DATABRICKS' | 'AZURE_KEYVAULT';
}

/** Text matches the scope name, a principal in its ACL (name or display name) or the Key Vault's DNS name. */
export function selectScopes<T extends SelectableScope>(scopes: readonly T[], f: SelectFilters): T[] {
  const q = f.q?.trim().toLowerCase();
  return scopes.filter(
    (s) =>
      (!f.backend || s.backend === f.backend) &&
      (!f.finding || s.findings.some((x) => x.code === f.finding)) &&
      (!q ||
        s.name.toLowerCase().includes(q) ||
        (s.keyVault?.dnsName.toLowerCase().includes(q) ?? false) ||
        (s.acls ?? []).some((a) => a.principal.toLowerCase().includes(q) || (a.displayName?.toLowerCase().includes(q) ?? false))),
  );
}

export interface ScopeListSummary {
  keys: number;
  keyVault: number;
  byLevel: Record<FindingLevel, number>;
  byFinding: Partial<Record<FindingCode, number>>;
  keysHidden: number;
  aclsHidden: number;
}

/** Scopes per worst level, scopes per finding, and how many scopes' keys or ACL this identity could not see. */
export function summarizeScopes(
  scopes: ReadonlyArray<SelectableScope & { access: { keys: { state: string }; acls: { state: string } } }>,
): ScopeListSummary {
  const byLevel = Object.fromEntries(FINDING_LEVELS.map((l) => [l, 0])) as Record<FindingLevel, number>;
  const byFinding: Partial<Record<FindingCode, number>> = {};
  let keys = 0;
  let keyVault = 0;
  let keysHidden = 0;
  let aclsHidden = 0;
  for (const s of scopes) {
    keys += s.keyCount ?? 0;
    if (s.backend === 'AZURE_KEYVAULT') keyVault++;
    if (s.level) byLevel[s.level]++;
    for (const code of new Set(s.findings.map((f) => f.code))) byFinding[code] = (byFinding[code] ?? 0) + 1;
    if (s.access.keys.state !== 'ok') keysHidden++;
    if (s.access.acls.state !== 'ok') aclsHidden++;
  }
  return { keys, keyVault, byLevel, byFinding, keysHidden, aclsHidden };
}

/** Scopes in the order a person wants them: worst first, then by name. */
export function byRisk<T extends Pick<SelectableScope, 'level' | 'name'>>(a: T, b: T): number {
  const rank = (l: FindingLevel | null) => (l === null ? 0 : FINDING_LEVELS.length - FINDING_LEVELS.indexOf(l));
  return rank(b.level) - rank(a.level) || a.name.localeCompare(b.name);
}
