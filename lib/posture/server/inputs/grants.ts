// Posture's inputs from the Grants area (issue 13): its least-privilege findings (check 5) and the Unity Catalog grants held
// by service principals (check 10), from the area's cached findings read (the one its Findings tab shows, with the
// configured policy and the default 90-day window, so both say the same). A failed read throws and the runner says
// why; what the area could not see (a partial view, a broken policy file) is a gap, never a pass.
import 'server-only';
import type { Gap } from '@/lib/posture/rules/types';
import type { CheckContext } from '@/lib/posture/checks/define';
import type { UcLeastPrivilegeInput } from '@/lib/posture/checks/uc-least-privilege';
import type { SpGrant, SpPrivilegesInput } from '@/lib/posture/checks/sp-privileges';
import type { FindingsResponse } from '@/lib/grants/contract';
import { collectFindings } from '@/lib/grants/server/findings';
import { loadIndex } from '@/lib/grants/server/read';
import { LEVEL_RANK } from '@/lib/grants/rules/findings';
import { DEFAULT_UNUSED_DAYS } from '@/lib/grants/rules/unused';
import { EVERYONE_GROUPS } from '@/lib/principals/rules';

const SEE_EVERY_GRANT = 'Metastore admin, or ownership of the securables';

/**
 * The area's findings that are about privilege held beyond need (high and medium). Low ones are suggestions (a grant to
 * a person rather than a group, no recorded use, a grant the policy wants added) and info says what was not read.
 */
const LEAST_PRIVILEGE = new Set(['high', 'medium']);

function gapsOf(r: FindingsResponse, policy: boolean): Gap[] {
  const gaps: Gap[] = r.notices.map((n) => ({
    text: n.message.replace(/\.$/, ''),
    needs: n.code === 'partial_view' ? SEE_EVERY_GRANT : null,
  }));
  if (policy && r.policy.error)
    gaps.push({
      text: `The grants policy file ${r.policy.file ?? ''} could not be read (${r.policy.error.message}), so drift from it was not checked`,
      needs: null,
    });
  return gaps;
}

/**
 * The Grants area's least-privilege findings, one item per grant (a grant can break a rule and the policy at once): its
 * most severe finding, a rule's before the policy's (it says why the grant is risky, not only that it is unplanned).
 * Legacy USAGE grants apart.
 */
export async function ucLeastPrivilegeInput(ctx: CheckContext): Promise<UcLeastPrivilegeInput> {
  const { response } = await collectFindings(ctx.ws, DEFAULT_UNUSED_DAYS);
  const byGrant = new Map<string, UcLeastPrivilegeInput['findings'][number]>();
  const legacyUsage: UcLeastPrivilegeInput['legacyUsage'] = [];
  const ranked = response.findings
    .filter((f) => LEAST_PRIVILEGE.has(f.level) || f.code === 'legacy_usage')
    .sort(
      (a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || Number(a.code.startsWith('policy_')) - Number(b.code.startsWith('policy_')),
    );
  for (const f of ranked) {
    if (f.code === 'legacy_usage') {
      if (f.securable && f.principal) legacyUsage.push({ securable: f.securable, principal: f.principal });
      continue;
    }
    const key = `grant:${f.securable ?? ''}:${f.principal ?? ''}:${f.privilege ?? ''}`;
    if (!byGrant.has(key))
      byGrant.set(key, {
        key,
        code: f.code,
        securable: f.securable ?? '',
        principal: f.principal ?? '',
        privilege: f.privilege ?? '',
        reason: f.text,
      });
  }
  return { findings: [...byGrant.values()], legacyUsage, gaps: gapsOf(response, true) };
}

/**
 * Every grant a service principal holds, directly or through a group (named). Grants to the all-users groups are left
 * to check 5, which flags them for everyone: listing them once per service principal would bury the rest.
 */
export async function spPrivilegesInput(ctx: CheckContext): Promise<SpPrivilegesInput> {
  const [{ grants: direct, response }, index] = await Promise.all([collectFindings(ctx.ws, DEFAULT_UNUSED_DAYS), loadIndex(ctx.ws)]);
  const everyone = new Set<string>(EVERYONE_GROUPS);
  const grants: SpGrant[] = [];
  for (const g of direct) {
    const grantee = index.resolve(g.principal);
    const held =
      grantee.kind === 'group' && !everyone.has(grantee.name.toLowerCase())
        ? index.members(grantee.name).map((m) => ({ sp: m.principal, via: grantee.name }))
        : [{ sp: grantee, via: null }];
    for (const { sp, via } of held)
      if (sp.kind === 'service_principal')
        grants.push({
          principal: sp.name,
          displayName: sp.displayName,
          securable: g.securable,
          securableType: g.type,
          privilege: g.privilege,
          via,
        });
  }
  return { grants, gaps: gapsOf(response, false) };
}
