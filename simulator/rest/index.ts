// Every REST route family of the workspace side.
import type { AuditSink } from '../core/contract';
import type { SimDb } from '../core/db';
import type { WsRoute } from '../http/types';
import type { Authenticator } from '../identity/auth';
import type { IdentityStore } from '../identity/store';
import type { AclStore } from '../store/acl-store';
import type { TokenStore } from '../store/token-store';
import type { WorkspaceConfStore } from '../store/workspace-conf';
import { scimRoutes } from './scim';

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
  return [...scimRoutes(deps.identity, deps.audit)];
}
