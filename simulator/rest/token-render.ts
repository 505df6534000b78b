// TokenInfo (token management) and PublicTokenInfo (own tokens), §3. Empty fields are omitted as real servers do.
import type { IdentityStore } from '../identity/store';
import type { TokenRow } from '../store/token-store';

export function publicTokenInfo(t: TokenRow): Record<string, unknown> {
  return {
    token_id: t.tokenId,
    creation_time: t.creationTime,
    expiry_time: t.expiryTime,
    ...(t.comment ? { comment: t.comment } : {}),
    ...(t.scopes?.length ? { scopes: t.scopes } : {}),
  };
}

export function tokenInfo(t: TokenRow, workspaceId: string): Record<string, unknown> {
  return {
    ...publicTokenInfo(t),
    created_by_id: Number(t.createdById),
    created_by_username: t.createdByUsername,
    owner_id: Number(t.ownerId),
    workspace_id: Number(workspaceId),
    ...(t.lastUsedDay !== null ? { last_used_day: t.lastUsedDay } : {}),
  };
}

/** Owner display for error messages. */
export const ownerName = (identity: IdentityStore, id: string) => identity.get(id)?.name ?? id;
