// Lakebase database credentials: the password a Databricks identity logs in to Lakebase Postgres with, valid for an
// hour (enforced at login only, so open connections outlive it). Two APIs, one per kind of Lakebase:
// - Autoscaling (projects, branches, endpoints; the resource Databricks Apps calls "postgres"):
//   POST /api/2.0/postgres/credentials {endpoint} → {token, expire_time}
// - Provisioned (database instances; the "database" resource): POST /api/2.0/database/credentials
//   {request_id, instance_names} → {token, expiration_time}
// Minting a credential changes nothing and a lost answer costs nothing, so the call may be repeated.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { RestClient } from '@/lib/databricks/rest-client';

export type LakebaseTarget = { kind: 'endpoint'; endpoint: string } | { kind: 'instance'; instance: string };

export interface DatabaseCredential {
  token: string;
  /** Epoch ms; null when the answer carried no usable time (then it is renewed well within the documented hour). */
  expiresAt: number | null;
}

const when = z
  .string()
  .optional()
  .transform((v) => (v && !Number.isNaN(Date.parse(v)) ? Date.parse(v) : null));
const autoscaling = z.object({ token: z.string().min(1), expire_time: when });
const provisioned = z.object({ token: z.string().min(1), expiration_time: when });

export async function generateDatabaseCredential(rest: RestClient, target: LakebaseTarget): Promise<DatabaseCredential> {
  if (target.kind === 'endpoint') {
    const res = await rest.call('POST', '/api/2.0/postgres/credentials', autoscaling, {
      body: { endpoint: target.endpoint },
      idempotent: true,
    });
    return { token: res.data.token, expiresAt: res.data.expire_time };
  }
  const res = await rest.call('POST', '/api/2.0/database/credentials', provisioned, {
    body: { request_id: randomUUID(), instance_names: [target.instance] },
    idempotent: true,
  });
  return { token: res.data.token, expiresAt: res.data.expiration_time };
}
