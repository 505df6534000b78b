// Workspace API (notebooks, folders, Git folders, files): list a folder, get one object's status, export an object's
// source, list Git folders (Repos API), and read a folder's or notebook's permissions. Read-only: Brickwatch never
// writes to the workspace tree.
//
// Quirks handled here: empty listings come back as `{}`; `object_id` is an int64 sent as a JSON number (and as the
// string `resource_id` by newer workspaces, preferred when present); `modified_at` is documented for files but sent
// for notebooks too, and may be absent; an export's content is base64 and is held only as bytes in memory — it holds
// whatever the notebook holds, credentials included, so it is never logged or stored.
import 'server-only';
import { z } from 'zod';
import type { RestClient } from '@/lib/databricks/rest-client';
import { listOf } from '@/lib/databricks/schemas';

export const objectInfo = z
  .object({
    object_type: z.string(),
    path: z.string(),
    object_id: z.union([z.number(), z.string()]).optional(),
    resource_id: z.string().optional(),
    language: z.string().optional(),
    created_at: z.number().optional(),
    modified_at: z.number().optional(),
    size: z.number().optional(),
  })
  .transform(({ object_id, resource_id, ...o }) => ({ ...o, id: resource_id ?? (object_id === undefined ? null : String(object_id)) }));
export type ObjectInfo = z.output<typeof objectInfo>;

const listing = z.object({ objects: listOf(objectInfo) });
const exported = z.object({ content: z.string(), file_type: z.string().optional() });

/** The children of a folder (or Git folder), or the object itself when `path` is not a folder. */
export async function listWorkspace(rest: RestClient, path: string, signal?: AbortSignal): Promise<ObjectInfo[]> {
  return (await rest.get('/api/2.0/workspace/list', listing, { query: { path }, signal })).objects;
}

export async function getStatus(rest: RestClient, path: string, signal?: AbortSignal): Promise<ObjectInfo> {
  return rest.get('/api/2.0/workspace/get-status', objectInfo, { query: { path }, signal });
}

/**
 * A notebook's SOURCE export, or a workspace file's bytes (AUTO). Databricks refuses more than 10 MB with 400
 * MAX_NOTEBOOK_SIZE_EXCEEDED, which the caller reads as "too large to scan".
 */
export async function exportSource(rest: RestClient, path: string, kind: 'NOTEBOOK' | 'FILE', signal?: AbortSignal): Promise<Buffer> {
  const res = await rest.get('/api/2.0/workspace/export', exported, {
    query: { path, format: kind === 'NOTEBOOK' ? 'SOURCE' : 'AUTO' },
    signal,
  });
  return Buffer.from(res.content, 'base64');
}

export interface RepoInfo {
  id: string;
  path: string;
  url: string | null;
  provider: string | null;
  branch: string | null;
}

const repo = z
  .object({
    id: z.union([z.number(), z.string()]),
    path: z.string().optional(),
    url: z.string().optional(),
    provider: z.string().optional(),
    branch: z.string().optional(),
  })
  .transform((r) => ({ id: String(r.id), path: r.path ?? '', url: r.url ?? null, provider: r.provider ?? null, branch: r.branch ?? null }));
const repoPage = z.object({ repos: listOf(repo), next_page_token: z.string().optional() });

/** Git folders the caller can manage (all of them for a workspace admin), every page. */
export async function listRepos(rest: RestClient, signal?: AbortSignal): Promise<RepoInfo[]> {
  const out: RepoInfo[] = [];
  let token: string | undefined;
  do {
    const page = await rest.get('/api/2.0/repos', repoPage, { query: { next_page_token: token }, signal });
    out.push(...page.repos.filter((r) => r.path));
    token = page.next_page_token || undefined;
  } while (token);
  return out;
}

export type AclObjectType = 'directories' | 'notebooks' | 'repos' | 'files';

const permission = z.object({
  permission_level: z.string(),
  inherited: z.boolean().optional(),
  inherited_from_object: listOf(z.string()),
});
const aclEntry = z.object({
  user_name: z.string().optional(),
  group_name: z.string().optional(),
  service_principal_name: z.string().optional(),
  all_permissions: listOf(permission),
});
const objectPermissions = z.object({ access_control_list: listOf(aclEntry) });

export interface AclGrant {
  principal: string;
  kind: 'user' | 'group' | 'service_principal';
  level: string;
  /** Held through a folder above (or the admins' workspace-wide grant), not set on this object. */
  inherited: boolean;
}

/** Who holds what on a workspace object; reading it needs some permission on the object (all for admins). */
export async function getObjectPermissions(rest: RestClient, type: AclObjectType, id: string, signal?: AbortSignal): Promise<AclGrant[]> {
  const res = await rest.get(`/api/2.0/permissions/${type}/${encodeURIComponent(id)}`, objectPermissions, { signal });
  return res.access_control_list.flatMap((e) => {
    const [principal, kind] = e.user_name
      ? [e.user_name, 'user' as const]
      : e.service_principal_name
        ? [e.service_principal_name, 'service_principal' as const]
        : [e.group_name ?? '', 'group' as const];
    return principal ? e.all_permissions.map((p) => ({ principal, kind, level: p.permission_level, inherited: p.inherited === true })) : [];
  });
}
