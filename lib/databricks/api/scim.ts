// SCIM identity reads (API reference §7). Only what sign-in needs: who is calling, and a person by userName or externalId.
import 'server-only';
import { type RestClient } from '@/lib/databricks/rest-client';
import { z } from 'zod';
import { scimList, scimUser, type ScimUser } from '@/lib/databricks/schemas';

export const SCIM = '/api/2.0/preview/scim/v2';

// /Me answers in the shape of whoever calls: a User for a person; for a service principal some workspaces answer a
// ServicePrincipal (applicationId, no userName). Both become a ScimUser whose userName is the name grants use.
const me = z.union([
  scimUser,
  scimUser
    .omit({ userName: true })
    .extend({ applicationId: z.string() })
    .transform(({ applicationId, ...sp }) => ({ ...sp, userName: applicationId })),
]);

/** The caller: a person, or a service principal (userName = its application id). */
export function currentUser(rest: RestClient, signal?: AbortSignal): Promise<ScimUser> {
  return rest.get(`${SCIM}/Me`, me, { signal });
}

/** SCIM filter string literal: double quotes and backslashes escaped (RFC 7644 §3.4.2.2). */
export function scimString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function findUserByUserName(rest: RestClient, userName: string): Promise<ScimUser | null> {
  const list = await rest.get(`${SCIM}/Users`, scimList(scimUser), { query: { filter: `userName eq ${scimString(userName)}`, count: 2 } });
  return list.Resources.find((u) => u.userName.toLowerCase() === userName.toLowerCase()) ?? null;
}

const withExternalId = scimUser.extend({ externalId: z.string().optional() });

/**
 * Users whose externalId (the identity provider's immutable id, set by SCIM provisioning) is exactly `externalId`.
 * externalId is case-exact (RFC 7643 §3.1), so a server that compares case-insensitively is checked again here.
 */
export async function findUsersByExternalId(rest: RestClient, externalId: string): Promise<ScimUser[]> {
  const list = await rest.get(`${SCIM}/Users`, scimList(withExternalId), {
    query: { filter: `externalId eq ${scimString(externalId)}`, count: 2 },
  });
  return list.Resources.filter((u) => u.externalId === externalId);
}

/** Group display names from a SCIM user (Databricks lists direct and indirect memberships). */
export function groupNames(user: ScimUser): string[] {
  return [...new Set(user.groups.map((g) => g.display).filter((d): d is string => typeof d === 'string' && d.length > 0))];
}
