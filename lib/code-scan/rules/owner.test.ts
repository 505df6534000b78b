import { describe, expect, it } from 'vitest';
import { folderOwner, foldersAbove, type FolderGrant } from './owner';

const g = (principal: string, kind: FolderGrant['kind'], level = 'CAN_MANAGE', inherited = false): FolderGrant => ({
  principal,
  kind,
  level,
  inherited,
});

describe('folder owners', () => {
  it('names the person who manages a home folder, ignoring the admins', () => {
    expect(
      folderOwner('/Users/sam.rivera@harborpine.com', [g('admins', 'group', 'CAN_MANAGE', true), g('sam.rivera@harborpine.com', 'user')]),
    ).toEqual({
      owner: { name: 'sam.rivera@harborpine.com', kind: 'user' },
      folder: '/Users/sam.rivera@harborpine.com',
    });
  });

  it('prefers a person, then a service principal, then a group', () => {
    expect(folderOwner('/Repos/data-platform', [g('platform-ops', 'group'), g('data-platform', 'group', 'CAN_EDIT')])?.owner).toEqual({
      name: 'platform-ops',
      kind: 'group',
    });
    expect(folderOwner('/x', [g('platform-ops', 'group'), g('etl-bot', 'service_principal')])?.owner?.name).toBe('etl-bot');
  });

  it('says a folder everyone manages has no owner, and passes on a folder with no manager of its own', () => {
    expect(folderOwner('/Shared', [g('users', 'group')])).toEqual({ owner: null, folder: '/Shared', everyone: true });
    expect(folderOwner('/Shared/alerts', [g('users', 'group', 'CAN_MANAGE', true), g('claims', 'group', 'CAN_READ')])).toBeNull();
  });

  it('lists the folders above a path, nearest first', () => {
    expect(foldersAbove('/Shared/finance/month_end/gl')).toEqual(['/Shared/finance/month_end', '/Shared/finance', '/Shared']);
    expect(foldersAbove('/x')).toEqual([]);
  });
});
