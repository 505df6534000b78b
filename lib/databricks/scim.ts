// SCIM identity reads (API reference §7). Only what the foundation needs: who is calling, and a person by userName.
import 'server-only';
import { type RestClient } from './rest-client';
import { scimList, scimUser, type ScimUser } from './schemas';

export const SCIM = '/api/2.0/preview/scim/v2';

/** The caller: a person, or a service principal (whose userName is its application id). */
export function currentUser(rest: RestClient, signal?: AbortSignal): Promise<ScimUser> {
  return rest.get(`${SCIM}/Me`, scimUser, { signal });
}

/** SCIM filter string literal: double quotes and backslashes escaped (RFC 7644 §3.4.2.2). */
export function scimString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export async function findUserByUserName(rest: RestClient, userName: string): Promise<ScimUser | null> {
  const list = await rest.get(`${SCIM}/Users`, scimList(scimUser), { query: { filter: `userName eq ${scimString(userName)}`, count: 2 } });
  return list.Resources.find((u) => u.userName.toLowerCase() === userName.toLowerCase()) ?? null;
}

/** Group display names from a SCIM user (Databricks lists direct and indirect memberships). */
export function groupNames(user: ScimUser): string[] {
  return [...new Set(user.groups.map((g) => g.display).filter((d): d is string => typeof d === 'string' && d.length > 0))];
}
