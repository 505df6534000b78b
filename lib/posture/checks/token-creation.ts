// Check 2: token creation is restricted (the all-users group `users` does not hold CAN_USE on tokens), and no token
// looks shared across workloads (the Tokens area's "possibly shared" rule over the audit log's PAT sign-ins).
import 'server-only';
import type { TokenPermissionEntry } from '@/lib/tokens/rules/policy';
import { TOKEN_RISK_THRESHOLDS } from '@/lib/tokens/rules/risk';
import type { TokenRecord, TokenUsage } from '@/lib/tokens/rules/types';
import type { CheckMeta, Evidence, Gap } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, type CheckContext } from './define';
import { tokenHref, tokenInventory, tokenLabel } from './token-lifetime';

const T = TOKEN_RISK_THRESHOLDS;

export interface TokenCreationInput {
  scope: 'workspace' | 'own';
  actor: string;
  tokens: TokenRecord[];
  /** Who holds CAN_USE or CAN_MANAGE on tokens; null when token permissions could not be read. */
  creators: TokenPermissionEntry[] | null;
  /** Tokens at or over a sharing threshold in the usage window; null when the audit log could not be read. */
  usage: ReadonlyMap<string, TokenUsage> | null;
  /** The Tokens area's words for why permissions or usage could not be read. */
  permissionsNotice: string | null;
  usageNotice: string | null;
}

export const tokenCreationMeta: CheckMeta = {
  id: 'token-creation',
  number: 2,
  title: 'Token creation is restricted and no token is shared',
  category: 'Identity and access',
  severity: 'medium',
  reads: [
    { what: 'Token permissions (/permissions/authorization/tokens)', permission: 'Workspace admin' },
    {
      what: `Personal access token sign-ins over the last ${T.usageWindowDays} days (system.access.audit)`,
      permission: 'SELECT on system.access.audit',
    },
    { what: 'Every personal access token (token management)', permission: 'Workspace admin' },
  ],
  judges: `Fails when the all-users group "users" may create tokens, and for every live token used from ${T.sharedMinIps} or more source IPs or ${T.sharedMinClients} or more client programs in ${T.usageWindowDays} days.`,
  fix: {
    text: 'Grant CAN_USE on tokens to the groups and service principals that need it instead of "users", and give each workload its own token (or a service principal with OAuth).',
    label: 'Open Tokens',
    href: '/tokens',
    external: false,
  },
};

export async function tokenCreationInput(ctx: CheckContext): Promise<TokenCreationInput> {
  const inv = await tokenInventory(ctx);
  return {
    scope: inv.scope,
    actor: inv.actor.name,
    tokens: inv.records,
    creators: inv.policy.creators,
    usage: inv.usage,
    permissionsNotice: inv.notices.find((n) => n.code === 'permissions_unavailable')?.message ?? null,
    usageNotice: inv.notices.find((n) => n.code === 'usage_unavailable')?.message ?? null,
  };
}

export function judgeTokenCreation(input: TokenCreationInput, { now }: { now: number }) {
  const items: Evidence[] = [];
  const gaps: Gap[] = [];
  if (input.creators === null) {
    gaps.push({ text: input.permissionsNotice ?? 'Who may create tokens could not be read', needs: 'Workspace admin (token permissions)' });
  } else if (input.creators.some((c) => c.kind === 'group' && c.name === 'users')) {
    items.push(
      evidence(
        'group:users',
        'Group "users"',
        'Holds CAN_USE on tokens: every workspace user may create personal access tokens',
        '/tokens',
      ),
    );
  }
  let shared = 0;
  if (input.usage === null) {
    gaps.push({
      text: input.usageNotice ?? 'Token sharing could not be checked (the audit log could not be read)',
      needs: 'SELECT on system.access.audit',
    });
  } else {
    for (const t of input.tokens) {
      const u = input.usage.get(t.tokenId);
      if (!u || (t.expiryTime !== null && t.expiryTime <= now)) continue;
      if (u.distinctIps < T.sharedMinIps && u.distinctClients < T.sharedMinClients) continue;
      shared++;
      items.push(
        evidence(
          `token:${t.tokenId}`,
          tokenLabel(t),
          `Used from ${plural(u.distinctIps, 'source IP')} and ${plural(u.distinctClients, 'client program')} in ${T.usageWindowDays} days: possibly shared`,
          tokenHref(t.tokenId),
        ),
      );
    }
  }
  if (input.scope === 'own') {
    gaps.push({
      text: `Only the tokens of ${input.actor} could be checked for sharing (token management needs a workspace admin)`,
      needs: 'Workspace admin (token management)',
    });
  }
  return verdictFrom({
    evidence: items,
    gaps,
    passReason: 'Only named groups and principals may create tokens, and no live token was used as if shared.',
    failReason: () =>
      [
        items[0]?.key === 'group:users' ? 'Every workspace user may create tokens' : null,
        shared ? `${plural(shared, 'token')} look${shared === 1 ? 's' : ''} shared` : null,
      ]
        .filter(Boolean)
        .join('; ') + '.',
  });
}

export const tokenCreationCheck = defineCheck(tokenCreationMeta, tokenCreationInput, judgeTokenCreation);
