// Who may see and change what in the workspace tree. Notebook, folder, Git folder and file permissions
// (CAN_READ < CAN_RUN < CAN_EDIT < CAN_MANAGE) are inherited down folders; admins manage everything. A person sees
// an object they hold a permission on, and the folders leading to it (Databricks shows the parent's name, not its
// other contents); the top folders (/, /Users, /Shared, /Repos) are always listable.
import type { Principal } from '../core/contract';
import type { SimDb } from '../core/db';
import { ApiError } from '../core/contract';
import { badRequest, forbidden, notFound } from '../http/errors';
import type { WsNode, WorkspaceObjects } from '../store/workspace-objects';

export const LEVELS = ['CAN_READ', 'CAN_RUN', 'CAN_EDIT', 'CAN_MANAGE'] as const;
export type Level = (typeof LEVELS)[number];
export const RANK: Record<string, number> = { CAN_READ: 1, CAN_RUN: 2, CAN_EDIT: 3, CAN_MANAGE: 4 };
export const READ = 1;
export const EDIT = 3;
export const MANAGE = 4;

/** The permissions API's object type for a node (request_object_type). */
export function aclTypeOf(node: WsNode): 'notebooks' | 'directories' | 'repos' | 'files' {
  if (node.type === 'NOTEBOOK') return 'notebooks';
  if (node.type === 'REPO') return 'repos';
  if (node.type === 'FILE') return 'files';
  return 'directories';
}

export const ACL_TYPES = ['notebooks', 'directories', 'repos', 'files'];
export const TOP_FOLDERS = new Set(['/', '/Users', '/Shared', '/Repos']);

/** Absolute workspace path; the /Workspace prefix of newer clients is accepted and dropped. */
export function normalizePath(raw: string): string {
  let p = raw === '/Workspace' ? '/' : raw.startsWith('/Workspace/') ? raw.slice('/Workspace'.length) : raw;
  if (p.length > 1) p = p.replace(/\/+$/, '');
  if (!p.startsWith('/') || p.includes('//') || /\/\.{1,2}(\/|$)/.test(p) || p.includes('\0'))
    throw badRequest(`Path (${raw}) is not a valid absolute workspace path.`);
  return p;
}

export const missing = (path: string) => notFound(`Path (${path}) doesn't exist.`);

const VERB: Record<number, string> = { [READ]: 'Read', 2: 'Run', [EDIT]: 'Edit', [MANAGE]: 'Manage' };

export class AccessView {
  constructor(
    private readonly tree: WorkspaceObjects,
    readonly principal: Principal,
    private readonly grants: Map<number, number>,
    private readonly leadsTo: Set<number>,
  ) {}

  /** 0 (none) to 4 (CAN_MANAGE): the strongest grant on the node or any folder above it. */
  level(node: WsNode): number {
    if (this.principal.isAdmin) return MANAGE;
    let best = this.grants.get(node.id) ?? 0;
    for (const a of this.tree.ancestors(node)) best = Math.max(best, this.grants.get(a.id) ?? 0);
    return best;
  }

  visible(node: WsNode): boolean {
    return this.principal.isAdmin || TOP_FOLDERS.has(node.path) || this.leadsTo.has(node.id) || this.level(node) >= READ;
  }

  /** The node at `path` if the caller may see it: 404 when absent, 403 when hidden from them. */
  find(path: string): WsNode {
    const node = this.tree.get(path);
    if (!node) throw missing(path);
    if (!this.visible(node)) throw this.denied(node, READ);
    return node;
  }

  require(node: WsNode, needed: number): void {
    if (this.level(node) < needed) throw this.denied(node, needed);
  }

  denied(node: WsNode, needed: number): ApiError {
    return forbidden(`User ${this.principal.name} does not have ${VERB[needed] ?? 'Read'} permissions on ${node.path}.`);
  }
}

/**
 * Caches each caller's direct grants (by principal and group set) until a workspace permission changes, so a
 * scan of thousands of notebooks does not read ws.acls once per call.
 */
export class WorkspaceAccess {
  private cache = new Map<string, { grants: Map<number, number>; leadsTo: Set<number> }>();

  constructor(private readonly db: SimDb) {}

  invalidate(): void {
    this.cache.clear();
  }

  async view(tree: WorkspaceObjects, p: Principal): Promise<AccessView> {
    if (p.isAdmin) return new AccessView(tree, p, new Map(), new Set());
    const key = `${p.kind}:${p.name.toLowerCase()}|${[...p.groups].sort().join(',')}`;
    let entry = this.cache.get(key);
    if (!entry) {
      const rows = await this.db.all<{ object_id: string; principal_kind: string; principal_name: string; permission_level: string }>(
        `SELECT object_id, principal_kind, principal_name, permission_level FROM ws.acls
         WHERE object_type IN (${ACL_TYPES.map(() => '?').join(', ')})`,
        ACL_TYPES,
      );
      const name = p.name.toLowerCase();
      const grants = new Map<number, number>();
      for (const r of rows) {
        const mine = r.principal_kind === 'group' ? p.groups.includes(r.principal_name) : r.principal_name.toLowerCase() === name;
        const id = Number(r.object_id);
        if (mine) grants.set(id, Math.max(grants.get(id) ?? 0, RANK[r.permission_level] ?? 0));
      }
      const leadsTo = new Set<number>();
      for (const id of grants.keys()) {
        const node = tree.getById(id);
        if (node) for (const a of tree.ancestors(node)) leadsTo.add(a.id);
      }
      entry = { grants, leadsTo };
      this.cache.set(key, entry);
    }
    return new AccessView(tree, p, entry.grants, entry.leadsTo);
  }
}

/** ObjectInfo as list and get-status return it. */
export function objectInfo(n: WsNode): Record<string, unknown> {
  return {
    object_type: n.type,
    path: n.path,
    ...(n.language ? { language: n.language } : {}),
    ...(n.createdAt !== null ? { created_at: n.createdAt } : {}),
    ...(n.modifiedAt !== null ? { modified_at: n.modifiedAt } : {}),
    object_id: n.id,
    resource_id: String(n.id),
    ...(n.size !== null ? { size: n.size } : {}),
  };
}
