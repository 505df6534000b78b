// Reads several checks share within one evaluation, each made once (and cached briefly per identity like any read):
// who the acting identity is and whether it is a workspace admin (so a check knows whether it saw every object), and
// the workspace-conf keys the checks judge.
import 'server-only';
import { currentUser, groupNames } from '@/lib/databricks/api/scim';
import { getWorkspaceConf } from '@/lib/databricks/api/workspace-settings';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { cachedRead } from '@/lib/read-cache';
import { TOKEN_READS } from '@/lib/tokens/server/cache';
import type { Gap } from '@/lib/posture/rules/types';

export const POSTURE_CONF_KEYS = ['enableIpAccessLists', 'enableVerboseAuditLogs'] as const;
export type PostureConfKey = (typeof POSTURE_CONF_KEYS)[number];

export interface IdentityScope {
  /** userName, or a service principal's application id. */
  name: string;
  /** Workspace admins see every job, cluster and policy; others may see only some. null: could not be told. */
  admin: boolean | null;
  /** Why `admin` is null. */
  error: string | null;
}

export interface SharedReads {
  scope(): Promise<IdentityScope>;
  /** Throws when workspace-conf cannot be read (it needs a workspace admin). */
  conf(): Promise<Record<PostureConfKey, string | null>>;
}

export const CONF_READ = { key: 'posture.conf', ttlMs: 60_000 };

export function sharedReads(ws: Workspace): SharedReads {
  let scope: Promise<IdentityScope> | undefined;
  return {
    scope: () =>
      (scope ??= cachedRead(ws, TOKEN_READS.me.key, TOKEN_READS.me, () => currentUser(ws.rest)).then(
        (me): IdentityScope => ({ name: me.userName, admin: groupNames(me).includes('admins'), error: null }),
        (e: unknown): IdentityScope => ({ name: ws.actingAs.name, admin: null, error: upstreamReason(e) }),
      )),
    conf: () => cachedRead(ws, CONF_READ.key, CONF_READ, () => getWorkspaceConf(ws.rest, POSTURE_CONF_KEYS)),
  };
}

/**
 * The gap to report when the identity may not see every object of a kind: a non-admin (with view ACLs on) is shown
 * only what it has a permission on, so "nothing found" would not cover the workspace.
 */
export function visibilityGap(scope: IdentityScope, objects: string, object: string, seen: number): Gap | null {
  if (scope.admin === true) return null;
  const why =
    scope.admin === null
      ? `it could not be told whether ${scope.name} is a workspace admin (${scope.error})`
      : `${scope.name} is not a workspace admin`;
  return {
    text: `Only the ${objects} ${scope.name} may see were checked (${seen} seen): ${why}, so others may be hidden from it`,
    needs: `Workspace admin (to see every ${object})`,
  };
}
