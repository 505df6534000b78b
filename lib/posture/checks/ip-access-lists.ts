// Check 8: IP access lists are enforced (workspace-conf enableIpAccessLists), with at least one enabled allow list.
// Lists do nothing while the switch is off, and an enabled block list alone lets in every other address.
import 'server-only';
import { listIpAccessLists, type IpAccessList } from '@/lib/databricks/api/workspace-settings';
import { cachedRead } from '@/lib/read-cache';
import type { CheckMeta, Evidence } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { defineCheck, evidence, workspaceUrl, type CheckContext, type JudgeEnv } from './define';

export interface IpAccessListsInput {
  /** Raw workspace-conf value of enableIpAccessLists (null when unset). */
  enabled: string | null;
  lists: IpAccessList[];
}

const SETTINGS = '/settings/workspace/security';

export const ipAccessListsMeta: CheckMeta = {
  id: 'ip-access-lists',
  number: 8,
  title: 'IP access lists are enforced',
  category: 'Network',
  severity: 'medium',
  reads: [
    { what: 'Whether IP access lists are enforced (workspace-conf enableIpAccessLists)', permission: 'Workspace admin' },
    { what: 'The IP access lists (/api/2.0/ip-access-lists)', permission: 'Workspace admin' },
  ],
  judges: 'Fails when enforcement is off, or when no allow list is enabled.',
  fix: {
    text: 'Turn on IP access lists (enableIpAccessLists) and keep at least one enabled allow list holding your corporate and partner ranges; lists are managed with the IP access lists API or in the workspace admin settings.',
    label: 'Open workspace security settings',
    href: SETTINGS,
    external: true,
  },
};

export const IP_LISTS_READ = { key: 'posture.ip-access-lists', ttlMs: 60_000 };

export async function ipAccessListsInput(ctx: CheckContext): Promise<IpAccessListsInput> {
  const [conf, lists] = await Promise.all([
    ctx.shared.conf(),
    cachedRead(ctx.ws, IP_LISTS_READ.key, IP_LISTS_READ, () => listIpAccessLists(ctx.ws.rest)),
  ]);
  return { enabled: conf.enableIpAccessLists, lists };
}

export function judgeIpAccessLists(input: IpAccessListsInput, { host }: JudgeEnv) {
  const settings = workspaceUrl(host, SETTINGS);
  const allow = input.lists.filter((l) => l.list_type === 'ALLOW' && l.enabled !== false);
  const items: Evidence[] = [];
  if (input.enabled?.trim().toLowerCase() !== 'true') {
    items.push(
      evidence(
        'setting:enableIpAccessLists',
        'IP access list enforcement',
        `Off (enableIpAccessLists is ${input.enabled === null ? 'not set' : `"${input.enabled}"`}): the ${plural(input.lists.length, 'list')} below do nothing`,
        settings,
      ),
    );
  }
  if (allow.length === 0) {
    const disabled = input.lists.filter((l) => l.list_type === 'ALLOW').length;
    items.push(
      evidence(
        'ip-access-lists:allow',
        'Allow lists',
        disabled
          ? `None enabled (${plural(disabled, 'allow list')} switched off): any address may connect`
          : 'None: any address may connect',
        settings,
      ),
    );
  }
  const labels = allow.map((l) => l.label ?? l.list_id);
  return verdictFrom({
    evidence: items,
    passReason: `Enforced, with ${plural(allow.length, 'enabled allow list')} (${labels.slice(0, 4).join(', ')}${labels.length > 4 ? ', …' : ''}).`,
    failReason: (e) =>
      e.length === 2
        ? 'IP access lists are not enforced, and no allow list is enabled.'
        : e[0]?.key === 'setting:enableIpAccessLists'
          ? 'IP access lists are not enforced.'
          : 'No allow list is enabled.',
  });
}

export const ipAccessListsCheck = defineCheck(ipAccessListsMeta, ipAccessListsInput, judgeIpAccessLists);
