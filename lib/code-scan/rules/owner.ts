// Who owns a finding: the notebook's creator when the audit log still has its creation (createNotebook /
// importNotebook / fileCreate), else whoever manages the nearest folder above it. A folder's manager is a direct
// CAN_MANAGE grant on it — not the admins' workspace-wide one, and not `users` (a folder every user manages, like
// /Shared, has no owner, and saying so is more useful than naming everyone).

export interface FolderGrant {
  principal: string;
  kind: 'user' | 'group' | 'service_principal';
  level: string;
  inherited: boolean;
}

export type FolderOwner =
  { owner: { name: string; kind: FolderGrant['kind'] }; folder: string } | { owner: null; folder: string; everyone: true } | null;

const KIND_ORDER: Record<FolderGrant['kind'], number> = { user: 0, service_principal: 1, group: 2 };

/** What one folder's grants say about its owner: a manager, "everyone", or nothing (look further up). */
export function folderOwner(folder: string, grants: readonly FolderGrant[]): FolderOwner {
  const managers = grants.filter((g) => g.level === 'CAN_MANAGE' && !g.inherited && !(g.kind === 'group' && g.principal === 'admins'));
  const named = managers
    .filter((g) => !(g.kind === 'group' && g.principal === 'users'))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.principal.localeCompare(b.principal));
  const first = named[0];
  if (first) return { owner: { name: first.principal, kind: first.kind }, folder };
  if (managers.length > 0) return { owner: null, folder, everyone: true };
  return null;
}

/** The folders above a path, nearest first, up to (not including) the root. */
export function foldersAbove(path: string): string[] {
  const out: string[] = [];
  for (let p = path.slice(0, path.lastIndexOf('/')); p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) out.push(p);
  return out;
}
