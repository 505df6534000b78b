'use client';
// Counts over every token the identity can see (not just the filtered view): by risk, and by owner type.
import { StatCard } from '@/components/ui/stat-card';
import type { TokenSummary } from '@/lib/tokens/rules/summary';
import type { RiskCode } from '@/lib/tokens/rules/types';

const REASON_LABEL: Record<RiskCode, string> = {
  no_expiry: 'never expire',
  owner_inactive: 'owner gone or deactivated',
  expires_soon: 'expire within 30 days',
  lifetime_above_max: 'live too long',
  unused: 'unused 60+ days',
  possibly_shared: 'possibly shared',
  expired: 'expired',
};

function reasonHint(summary: TokenSummary, codes: RiskCode[]): string {
  const parts = codes.map((c) => [summary.byReason[c] ?? 0, REASON_LABEL[c]] as const).filter(([n]) => n > 0);
  return parts.length ? parts.map(([n, label]) => `${n.toLocaleString('en')} ${label}`).join(' · ') : 'None';
}

/** Low risk is healthy tokens and expired ones (which can no longer be used): say how many of each. */
function lowHint(summary: TokenSummary): string {
  const expired = summary.byReason.expired ?? 0;
  const healthy = summary.byRisk.low - expired;
  return (
    [healthy > 0 && `${healthy.toLocaleString('en')} without findings`, expired > 0 && `${expired.toLocaleString('en')} expired`]
      .filter(Boolean)
      .join(' · ') || 'None'
  );
}

export function TokenSummaryCards({ summary }: { summary: TokenSummary }) {
  const kinds = summary.byOwnerKind;
  return (
    <section aria-label="Summary" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="High risk"
        tone="danger"
        value={summary.byRisk.high.toLocaleString('en')}
        hint={reasonHint(summary, ['no_expiry', 'owner_inactive'])}
        href="/tokens?risk=high"
      />
      <StatCard
        label="Medium risk"
        tone="warning"
        value={summary.byRisk.medium.toLocaleString('en')}
        hint={reasonHint(summary, ['expires_soon', 'lifetime_above_max', 'unused', 'possibly_shared'])}
        href="/tokens?risk=medium"
      />
      <StatCard
        label="Low risk"
        tone="success"
        value={summary.byRisk.low.toLocaleString('en')}
        hint={lowHint(summary)}
        href="/tokens?risk=low"
      />
      <StatCard
        label="Tokens"
        value={summary.total.toLocaleString('en')}
        hint={`${kinds.user.total.toLocaleString('en')} people · ${kinds.service_principal.total.toLocaleString('en')} service principals${kinds.unknown.total ? ` · ${kinds.unknown.total.toLocaleString('en')} unknown owner` : ''} · ${summary.owners.toLocaleString('en')} owners`}
      />
    </section>
  );
}
