// The workspace's people, service principals and groups, read in large pages. Listing the whole directory costs two
// or three calls per kind whatever its size, where looking principals up one by one would cost a call per few dozen.
import 'server-only';
import { z } from 'zod';
import { DatabricksError } from '@/lib/databricks/errors';
import type { RestClient } from '@/lib/databricks/rest-client';
import { SCIM } from './scim';
import { scimList } from '@/lib/databricks/schemas';

export interface DirectoryEntry {
  kind: 'user' | 'service_principal';
  /** userName, or applicationId for a service principal. */
  name: string;
  displayName: string | null;
  active: boolean;
}

export type Directory = ReadonlyMap<string, DirectoryEntry>;

/** The Go SDK asks for pages this large when iterating; servers cap it at their own maximum. */
const PAGE = 10_000;
/** A runaway guard against a server that never ends the listing. */
const MAX_PAGES = 200;

const user = z.object({ id: z.string(), userName: z.string(), displayName: z.string().nullish(), active: z.boolean().nullish() });
const servicePrincipal = z.object({
  id: z.string(),
  applicationId: z.string().nullish(),
  displayName: z.string().nullish(),
  active: z.boolean().nullish(),
});

async function listAll<T>(
  rest: RestClient,
  resource: 'Users' | 'ServicePrincipals' | 'Groups',
  schema: z.ZodType<T>,
  attributes: string,
  signal?: AbortSignal,
): Promise<T[]> {
  const out: T[] = [];
  let startIndex = 1;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await rest.get(`${SCIM}/${resource}`, scimList(schema), { query: { attributes, startIndex, count: PAGE }, signal });
    out.push(...res.Resources);
    // SCIM is 1-based; stop on an empty page too, in case totalResults is missing or wrong.
    startIndex += res.Resources.length;
    if (res.Resources.length === 0 || startIndex > res.totalResults) return out;
  }
  // An incomplete directory would make real owners look deleted; better to say owners are unknown.
  throw new DatabricksError(0, 'UNEXPECTED_RESPONSE', `SCIM ${resource} did not end within ${MAX_PAGES} pages`);
}

export async function loadDirectory(rest: RestClient, signal?: AbortSignal): Promise<Directory> {
  const [users, sps] = await Promise.all([
    listAll(rest, 'Users', user, 'id,userName,displayName,active', signal),
    listAll(rest, 'ServicePrincipals', servicePrincipal, 'id,applicationId,displayName,active', signal),
  ]);
  const directory = new Map<string, DirectoryEntry>();
  for (const u of users)
    directory.set(u.id, { kind: 'user', name: u.userName, displayName: u.displayName ?? null, active: u.active ?? true });
  for (const s of sps) {
    directory.set(s.id, {
      kind: 'service_principal',
      name: s.applicationId ?? s.id,
      displayName: s.displayName ?? null,
      active: s.active ?? true,
    });
  }
  return directory;
}

export interface GroupEntry {
  id: string;
  displayName: string;
  /** SCIM ids of the direct members: people, service principals and groups. */
  memberIds: string[];
}

const group = z.object({
  id: z.string(),
  displayName: z.string(),
  members: z
    .array(z.object({ value: z.string() }))
    .nullish()
    .transform((m) => m ?? []),
});

/** Every workspace group with its direct members (nested membership is expanded by lib/principals). */
export async function loadGroups(rest: RestClient, signal?: AbortSignal): Promise<GroupEntry[]> {
  const groups = await listAll(rest, 'Groups', group, 'id,displayName,members', signal);
  return groups.map((g) => ({ id: g.id, displayName: g.displayName, memberIds: g.members.map((m) => m.value) }));
}
