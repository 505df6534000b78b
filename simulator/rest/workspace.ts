// Workspace API reads: GET /api/2.0/workspace/list and /get-status. Listing a folder returns only what the
// caller may see (objects they hold a permission on and the folders leading to them); an object itself that is
// hidden from them answers 403. Empty lists are omitted ({}), as Databricks does.
import type { AuditSink, RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest } from '../http/errors';
import { requireQuery } from '../http/fields';
import type { WsRoute } from '../http/types';
import type { AclStore } from '../store/acl-store';
import { WorkspaceObjects } from '../store/workspace-objects';
import { normalizePath, objectInfo, WorkspaceAccess, type AccessView } from './workspace-access';

export interface WorkspaceContext {
  db: SimDb;
  acls: AclStore;
  audit: AuditSink;
  access: WorkspaceAccess;
  tree(): Promise<WorkspaceObjects>;
  view(req: RestRequest): Promise<AccessView>;
}

/** One context per app: the tree is loaded on first use, so starts that never touch the workspace pay nothing. */
export function workspaceContext(db: SimDb, acls: AclStore, audit: AuditSink): WorkspaceContext {
  let loading: Promise<WorkspaceObjects> | null = null;
  const access = new WorkspaceAccess(db);
  const tree = () => (loading ??= WorkspaceObjects.load(db));
  return { db, acls, audit, access, tree, view: async (req) => access.view(await tree(), req.principal) };
}

export function workspaceReadRoutes(ctx: WorkspaceContext): WsRoute[] {
  const list = async (req: RestRequest) => {
    const path = normalizePath(requireQuery(req.query, 'path'));
    const after = req.query.get('notebooks_modified_after');
    if (after !== null && !/^\d+$/.test(after)) throw badRequest(`notebooks_modified_after must be a timestamp in milliseconds: ${after}`);
    const tree = await ctx.tree();
    const view = await ctx.view(req);
    const node = view.find(path);
    const objects =
      node.type === 'DIRECTORY' || node.type === 'REPO'
        ? tree
            .children(node.path)
            .filter((c) => view.visible(c))
            .sort((a, b) => (a.path < b.path ? -1 : 1))
        : [node];
    const shown = objects.filter((o) => after === null || o.type !== 'NOTEBOOK' || (o.modifiedAt ?? 0) > Number(after));
    return { body: shown.length ? { objects: shown.map(objectInfo) } : {} };
  };

  const getStatus = async (req: RestRequest) => {
    const path = normalizePath(requireQuery(req.query, 'path'));
    await ctx.tree();
    return { body: objectInfo((await ctx.view(req)).find(path)) };
  };

  return [
    { method: 'GET', path: '/api/2.0/workspace/list', handler: list },
    { method: 'GET', path: '/api/2.0/workspace/get-status', handler: getStatus },
  ];
}
