import type { Principal } from '../core/contract';

/** The names a caller's grants can be made to: their own name, every group they are in, and 'account users'
 *  (the account-wide group every active identity belongs to). */
export function principalSet(p: Pick<Principal, 'name' | 'groups'>): Set<string> {
  return new Set([p.name, ...p.groups, 'users', 'account users']);
}
