// Who a person is and which role they hold, read from the workspace's SCIM: with their own token (user mode, or at
// Databricks sign-in), or looked up by userName or externalId with Brickwatch's service identity (service mode).
import 'server-only';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { serviceCredentials, staticCredentials } from '../databricks/credentials';
import { RestClient } from '../databricks/rest-client';
import type { ScimUser } from '../databricks/schemas';
import { currentUser, findUserByUserName, findUsersByExternalId, groupNames } from '@/lib/databricks/api/scim';
import { log } from '../log';
import { roleFromGroups, ROLES } from '../roles';

export const resolvedPerson = z.object({
  userName: z.string().min(1),
  displayName: z.string(),
  groups: z.array(z.string()),
  role: z.enum(ROLES).nullable(),
});
export type ResolvedPerson = z.output<typeof resolvedPerson>;

export function personFromScim(user: ScimUser, config: AppConfig): ResolvedPerson {
  const groups = groupNames(user);
  return {
    userName: user.userName,
    displayName: user.displayName || user.userName,
    groups,
    role: user.active === false ? null : roleFromGroups(groups, config.roleGroups),
  };
}

export async function resolveFromUserToken(config: AppConfig, accessToken: string): Promise<ResolvedPerson> {
  const rest = new RestClient({ host: config.databricks.host, credentials: staticCredentials(accessToken), log, timeoutMs: 8_000 });
  return personFromScim(await currentUser(rest), config);
}

const serviceRest = (config: AppConfig) =>
  new RestClient({
    host: config.databricks.host,
    credentials: serviceCredentials(config.databricks.host, config.serviceAuth!),
    log,
    timeoutMs: 8_000,
  });

/** Service identity lookup. Someone the workspace does not know (or deactivated) has no role. */
export async function resolveByUserName(config: AppConfig, userName: string): Promise<ResolvedPerson> {
  const user = await findUserByUserName(serviceRest(config), userName);
  return user ? personFromScim(user, config) : { userName, displayName: userName, groups: [], role: null };
}

/** Service identity lookup by the identity provider's immutable id. Nobody, or more than one user, is not a person. */
export async function resolveByExternalId(config: AppConfig, externalId: string): Promise<ResolvedPerson | 'unknown' | 'ambiguous'> {
  const users = await findUsersByExternalId(serviceRest(config), externalId);
  if (users.length === 0) return 'unknown';
  return users.length > 1 ? 'ambiguous' : personFromScim(users[0]!, config);
}
