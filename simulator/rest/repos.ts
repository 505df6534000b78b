// Repos (Git folders) API: GET /api/2.0/repos (paged with next_page_token, path_prefix filter), POST /api/2.0/repos
// and GET/DELETE /api/2.0/repos/{repo_id}. As the SDK documents, the list holds the repos the caller can manage
// (all of them for admins). A repo's id is its workspace object_id. Creating one links it to its remote but clones
// nothing: the Git folder starts empty. Writes are audited as repos.createRepo / deleteRepo.
import { randomBytes } from 'node:crypto';
import type { RestRequest } from '../core/contract';
import { badRequest, notFound } from '../http/errors';
import { asObject, auditFields, decodePageToken, encodePageToken, optionalString, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';
import { parentOf, type WsNode, type WsRow } from '../store/workspace-objects';
import type { WorkspaceContext } from './workspace';
import { ACL_TYPES, EDIT, MANAGE, normalizePath, READ } from './workspace-access';
import { blank } from './workspace-write';

const PROVIDERS = [
  'gitHub',
  'bitbucketCloud',
  'gitLab',
  'azureDevOpsServices',
  'gitHubEnterprise',
  'bitbucketServer',
  'gitLabEnterpriseEdition',
  'awsCodeCommit',
];

export const REPOS_PAGE_SIZE = 20;

const render = (n: WsNode) => ({
  id: n.id,
  path: n.path,
  url: n.repo?.url,
  provider: n.repo?.provider,
  branch: n.repo?.branch,
  head_commit_id: n.repo?.headCommitId,
});

export function repoRoutes(ctx: WorkspaceContext): WsRoute[] {
  const list = async (req: RestRequest) => {
    const raw = req.query.get('path_prefix');
    // An effectively empty prefix ('/' or '/Workspace') serves the Git folders under /Repos.
    const prefix = raw && raw !== '/' && raw !== '/Workspace' ? normalizePath(raw) : '/Repos';
    const offset = decodePageToken(req.query.get('next_page_token'));
    const tree = await ctx.tree();
    const view = await ctx.view(req);
    const repos = [...tree.all()]
      .filter((n) => n.type === 'REPO' && n.path.startsWith(prefix))
      .filter((n) => view.level(n) >= MANAGE)
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const page = repos.slice(offset, offset + REPOS_PAGE_SIZE);
    const more = offset + REPOS_PAGE_SIZE < repos.length;
    return {
      body: {
        ...(page.length ? { repos: page.map(render) } : {}),
        ...(more ? { next_page_token: encodePageToken(offset + REPOS_PAGE_SIZE) } : {}),
      },
    };
  };

  const get = async (req: RestRequest) => {
    const id = req.params.id as string;
    if (!/^\d+$/.test(id)) throw badRequest(`Invalid repo id: ${id}`);
    const node = (await ctx.tree()).getById(Number(id));
    if (!node || node.type !== 'REPO') throw notFound(`Repo ${id} does not exist.`);
    const view = await ctx.view(req);
    if (!view.visible(node)) throw view.denied(node, READ);
    view.require(node, READ);
    return { body: render(node) };
  };

  const create = async (req: RestRequest) => {
    const b = asObject(req.body);
    const url = requireString(b, 'url');
    const provider = PROVIDERS.find((p) => p.toLowerCase() === requireString(b, 'provider').toLowerCase());
    if (!provider) throw badRequest(`Invalid Git provider ${String(b.provider)}: expected one of ${PROVIDERS.join(', ')}.`);
    const name = /([^/]+?)(\.git)?\/?$/.exec(url)?.[1] ?? 'repo';
    const path = normalizePath(optionalString(b, 'path') ?? `/Repos/${req.principal.name}/${name}`);
    if (!/^\/Repos\/[^/]+\/[^/]+$/.test(path)) throw badRequest(`Repo path must be of the form /Repos/{folder}/{repo-name}: ${path}`);
    const tree = await ctx.tree();
    return tree.exclusive(async () => {
      if (tree.get(path)) throw badRequest(`Path (${path}) already exists.`, 'RESOURCE_ALREADY_EXISTS');
      const view = await ctx.view(req);
      const folder = parentOf(path) as string;
      const parent = tree.get(folder);
      const rows: WsRow[] = [];
      // A person's own folder under /Repos is created on first use; any other folder must exist and be editable.
      if (!parent && folder !== `/Repos/${req.principal.name}`) throw notFound(`The parent folder (${folder}) does not exist.`);
      if (parent) view.require(parent, EDIT);
      if (!parent) rows.push(blank(tree, folder, 'DIRECTORY', req));
      const repo: WsRow = {
        ...blank(tree, path, 'REPO', req),
        repo: { url, provider, branch: optionalString(b, 'branch') ?? 'main', headCommitId: randomBytes(20).toString('hex') },
      };
      rows.push(repo);
      await tree.put(rows);
      if (!parent)
        await ctx.acls.merge('directories', String(rows[0]?.id), [
          {
            principalKind: req.principal.kind === 'service_principal' ? 'service_principal' : 'user',
            principalName: req.principal.name,
            permissionLevel: 'CAN_MANAGE',
          },
        ]);
      ctx.access.invalidate();
      return { body: render(repo) };
    });
  };

  const remove = async (req: RestRequest) => {
    const id = req.params.id as string;
    const tree = await ctx.tree();
    const node = /^\d+$/.test(id) ? tree.getById(Number(id)) : undefined;
    if (!node || node.type !== 'REPO') throw notFound(`Repo ${id} does not exist.`);
    return tree.exclusive(async () => {
      const view = await ctx.view(req);
      if (!view.visible(node)) throw view.denied(node, READ);
      view.require(node, MANAGE);
      const nodes = tree.subtree(node.path);
      await tree.remove(nodes);
      const ids = nodes.map((n) => String(n.id));
      await ctx.db.run(
        `DELETE FROM ws.acls WHERE object_type IN (${ACL_TYPES.map(() => '?').join(', ')}) AND object_id IN (${ids.map(() => '?').join(', ')})`,
        [...ACL_TYPES, ...ids],
      );
      ctx.access.invalidate();
      return { body: {} };
    });
  };

  return [
    {
      method: 'POST',
      path: '/api/2.0/repos',
      handler: create,
      audit: { service: 'repos', action: 'createRepo', params: (req) => auditFields(req, ['url', 'provider', 'path']) },
    },
    {
      method: 'DELETE',
      path: '/api/2.0/repos/:id',
      handler: remove,
      audit: { service: 'repos', action: 'deleteRepo', params: (req) => ({ id: String(req.params.id) }) },
    },
    {
      method: 'GET',
      path: '/api/2.0/repos',
      handler: list,
      audit: { service: 'repos', action: 'listRepos', params: (req) => ({ path_prefix: req.query.get('path_prefix') ?? '' }) },
    },
    {
      method: 'GET',
      path: '/api/2.0/repos/:id',
      handler: get,
      audit: { service: 'repos', action: 'getRepo', params: (req) => ({ id: String(req.params.id) }) },
    },
  ];
}
