// The objects the generic permissions API serves here (§8): jobs, clusters, cluster policies and the token
// authorization object, each with its levels, who may change it and its audit action names. Workspace objects
// (notebooks, folders, Git folders, files) are added by workspace-permissions.ts: they inherit from their folders.
import type { SimDb } from '../core/db';
import type { AclEntry } from '../store/acl-store';

export interface PermissionObjectType {
  /** Path segment after /api/2.0/permissions/. */
  segment: string;
  /** object_type in responses. */
  objectType: string;
  levels: Array<[level: string, description: string]>;
  /** Levels that allow changing the ACL (admins always may). */
  manageLevels: string[];
  /** Only workspace admins may read or change this ACL (the tokens object). */
  adminOnly: boolean;
  /** Where the admins group's CAN_MANAGE comes from, or null when it is a direct entry. */
  rootObject: string | null;
  audit: { service: string; patch: string; put: string };
  exists(db: SimDb, id: string): Promise<boolean>;
  /** Entries held through the folders above the object, each naming the object it comes from ('/directories/<id>'). */
  inherited?(id: string): Promise<Array<AclEntry & { from: string }>>;
  /** Called after the object's ACL changed. */
  changed?(): void;
}

const existsIn = (table: string, column: string) => async (db: SimDb, id: string) =>
  (await db.one(`SELECT 1 AS x FROM ws.${table} WHERE CAST(${column} AS VARCHAR) = ?`, [id])) !== undefined;

export const PERMISSION_OBJECTS: PermissionObjectType[] = [
  {
    segment: 'jobs',
    objectType: 'job',
    adminOnly: false,
    rootObject: '/jobs/',
    levels: [
      ['CAN_VIEW', 'Can view job'],
      ['CAN_MANAGE_RUN', 'Can manage runs of job'],
      ['IS_OWNER', 'Is owner of job'],
      ['CAN_MANAGE', 'Can manage job'],
    ],
    manageLevels: ['CAN_MANAGE', 'IS_OWNER'],
    audit: { service: 'jobs', patch: 'changeJobAcl', put: 'resetJobAcl' },
    exists: existsIn('jobs', 'job_id'),
  },
  {
    segment: 'clusters',
    objectType: 'cluster',
    adminOnly: false,
    rootObject: '/clusters/',
    levels: [
      ['CAN_ATTACH_TO', 'Can attach to cluster'],
      ['CAN_RESTART', 'Can restart cluster'],
      ['CAN_MANAGE', 'Can manage cluster'],
    ],
    manageLevels: ['CAN_MANAGE'],
    audit: { service: 'clusters', patch: 'changeClusterAcl', put: 'changeClusterAcl' },
    exists: existsIn('clusters', 'cluster_id'),
  },
  {
    segment: 'cluster-policies',
    objectType: 'cluster-policy',
    adminOnly: false,
    rootObject: '/cluster-policies/',
    levels: [['CAN_USE', 'Can use cluster policy']],
    manageLevels: [],
    audit: { service: 'clusterPolicies', patch: 'changeClusterPolicyAcl', put: 'changeClusterPolicyAcl' },
    exists: existsIn('cluster_policies', 'policy_id'),
  },
  {
    segment: 'authorization',
    objectType: 'tokens',
    adminOnly: true,
    rootObject: null,
    levels: [
      ['CAN_USE', 'Can use personal access tokens'],
      ['CAN_MANAGE', 'Can manage personal access tokens'],
    ],
    manageLevels: [],
    audit: { service: 'accounts', patch: 'changeDbTokenAcl', put: 'changeDbTokenAcl' },
    exists: async (_db, id) => id === 'tokens',
  },
];
