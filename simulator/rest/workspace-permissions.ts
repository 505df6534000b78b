// Permissions of workspace objects (§8): /api/2.0/permissions/{notebooks,directories,repos,files}/{object_id}
// with CAN_READ, CAN_RUN, CAN_EDIT and CAN_MANAGE. What a folder grants holds for everything below it and is shown
// as inherited from '/directories/<id>' (or '/repos/<id>'); the admins group manages everything from '/directories/'.
// Changes are audited as workspace.changeWorkspaceAcl.
import type { ObjectType } from '../store/workspace-objects';
import type { PermissionObjectType } from './permission-objects';
import type { WorkspaceContext } from './workspace';
import { aclTypeOf } from './workspace-access';

const LEVELS: Array<[string, string]> = [
  ['CAN_READ', 'Can view and comment'],
  ['CAN_RUN', 'Can run'],
  ['CAN_EDIT', 'Can edit'],
  ['CAN_MANAGE', 'Can manage'],
];

export function workspacePermissionTypes(ctx: WorkspaceContext): PermissionObjectType[] {
  const type = (segment: string, objectType: string, nodeTypes: ObjectType[]): PermissionObjectType => ({
    segment,
    objectType,
    adminOnly: false,
    rootObject: '/directories/',
    levels: LEVELS,
    manageLevels: ['CAN_MANAGE'],
    audit: { service: 'workspace', patch: 'changeWorkspaceAcl', put: 'changeWorkspaceAcl' },
    exists: async (_db, id) => {
      const node = /^\d+$/.test(id) ? (await ctx.tree()).getById(Number(id)) : undefined;
      return node !== undefined && nodeTypes.includes(node.type);
    },
    inherited: async (id) => {
      const tree = await ctx.tree();
      const node = tree.getById(Number(id));
      if (!node) return [];
      const out = [];
      for (const a of tree.ancestors(node)) {
        const kind = aclTypeOf(a);
        for (const e of await ctx.acls.list(kind, String(a.id))) out.push({ ...e, from: `/${kind}/${a.id}` });
      }
      return out;
    },
    changed: () => ctx.access.invalidate(),
  });
  return [
    type('notebooks', 'notebook', ['NOTEBOOK']),
    type('directories', 'directory', ['DIRECTORY']),
    type('repos', 'repo', ['REPO']),
    type('files', 'file', ['FILE']),
  ];
}
