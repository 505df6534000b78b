// Every REST route family of the workspace side.
import type { AuditSink } from '../core/contract';
import type { SimDb } from '../core/db';
import type { WsRoute } from '../http/types';
import type { Authenticator } from '../identity/auth';
import type { IdentityStore } from '../identity/store';
import type { AclStore } from '../store/acl-store';
import type { TokenStore } from '../store/token-store';
import type { WorkspaceConfStore } from '../store/workspace-conf';
import { clusterPolicyRoutes } from './cluster-policies';
import { clusterRoutes } from './clusters';
import { ipAccessListRoutes } from './ip-access-lists';
import { jobRoutes } from './jobs';
import { PERMISSION_OBJECTS } from './permission-objects';
import { permissionRoutes } from './permissions';
import { repoRoutes } from './repos';
import { scimRoutes } from './scim';
import { secretAclRoutes } from './secrets-acls';
import { secretRoutes } from './secrets';
import { secretScopeRoutes } from './secrets-scopes';
import { tokenManagementRoutes } from './token-management';
import { tokenRoutes } from './tokens';
import { workspaceReadRoutes, workspaceContext } from './workspace';
import { workspaceConfRoutes } from './workspace-conf';
import { workspaceExportRoutes } from './workspace-export';
import { workspacePermissionTypes } from './workspace-permissions';
import { workspaceWriteRoutes } from './workspace-write';

export interface RestDeps {
  db: SimDb;
  identity: IdentityStore;
  tokens: TokenStore;
  conf: WorkspaceConfStore;
  acls: AclStore;
  auth: Authenticator;
  audit: AuditSink;
  workspaceId: string;
}

export function workspaceRoutes(deps: RestDeps): WsRoute[] {
  const { db, identity, conf, acls, audit } = deps;
  const ws = workspaceContext(db, acls, audit);
  return [
    ...scimRoutes(identity, audit),
    ...tokenRoutes(deps),
    ...tokenManagementRoutes(deps),
    ...permissionRoutes(deps, [...PERMISSION_OBJECTS, ...workspacePermissionTypes(ws)]),
    ...workspaceConfRoutes(conf),
    ...ipAccessListRoutes(db),
    ...clusterPolicyRoutes(db, acls),
    ...clusterRoutes(db, conf),
    ...jobRoutes(db, conf),
    ...secretScopeRoutes(db),
    ...secretRoutes(db),
    ...secretAclRoutes(db, identity),
    ...workspaceReadRoutes(ws),
    ...workspaceExportRoutes(ws),
    ...workspaceWriteRoutes(ws),
    ...repoRoutes(ws),
  ];
}
