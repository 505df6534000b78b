// Who Brickwatch acts as for this request, and whether Databricks treats that identity as a workspace admin (which
// decides whether the page can claim to show every scope's keys and ACL, and every cluster and job).
import 'server-only';
import { currentUser, groupNames } from '@/lib/databricks/api/scim';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { cachedRead } from '@/lib/read-cache';
import { ME_READ } from './cache';

export interface Actor {
  /** The name audit rows carry for this identity: a userName, or a service principal's application id. */
  name: string;
  /** null: SCIM /Me could not be read, so it is not known. */
  workspaceAdmin: boolean | null;
}

export async function loadActor(ws: Workspace): Promise<Actor> {
  try {
    // The same read (and key) the tokens page makes.
    const me = await cachedRead(ws, 'scim.me', ME_READ, () => currentUser(ws.rest));
    return { name: me.userName, workspaceAdmin: groupNames(me).includes('admins') };
  } catch {
    // Not a verdict: the page then says it cannot tell whether it sees everything.
    return { name: ws.actingAs.name, workspaceAdmin: null };
  }
}
