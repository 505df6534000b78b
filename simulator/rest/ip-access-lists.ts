// IP access lists (§5), workspace admins only. Addresses are IPv4/IPv6 or CIDR; at most 1000 values across all
// lists (a CIDR counts as one). Lists are stored and served but not enforced: every client of the simulator is on
// loopback. A BLOCK list that would block the caller's own address is refused with INVALID_STATE.
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { ApiError, type RestRequest } from '../core/contract';
import type { SimDb } from '../core/db';
import { badRequest, forbidden, notFound } from '../http/errors';
import { asObject, optionalBool, optionalString, optionalStringArray, requireString } from '../http/fields';
import type { WsRoute } from '../http/types';

const BASE = '/api/2.0/ip-access-lists';
const MAX_VALUES = 1000;

interface ListRow {
  list_id: string;
  label: string;
  list_type: string;
  ip_addresses: string;
  enabled: boolean;
  created_at: bigint;
  created_by: bigint;
  updated_at: bigint;
  updated_by: bigint;
}

const render = (r: ListRow) => {
  const ips = JSON.parse(r.ip_addresses) as string[];
  return {
    list_id: r.list_id,
    label: r.label,
    list_type: r.list_type,
    ...(ips.length ? { ip_addresses: ips } : {}),
    address_count: ips.length,
    enabled: r.enabled,
    created_at: Number(r.created_at),
    created_by: Number(r.created_by),
    updated_at: Number(r.updated_at),
    updated_by: Number(r.updated_by),
  };
};

export function ipAccessListRoutes(db: SimDb): WsRoute[] {
  const all = () => db.all<ListRow>('SELECT * FROM ws.ip_access_lists ORDER BY created_at, list_id');
  const load = async (id: string) => {
    const row = (await all()).find((r) => r.list_id === id);
    if (!row) throw notFound(`IP access list ${id} does not exist.`);
    return row;
  };
  const save = async (
    req: RestRequest,
    next: { id: string; label: string; type: string; ips: string[]; enabled: boolean },
    created?: ListRow,
  ) => {
    validate(
      req,
      next,
      (await all()).filter((r) => r.list_id !== next.id),
    );
    const now = Date.now();
    await db.transaction(async (c) => {
      await c.run('DELETE FROM ws.ip_access_lists WHERE list_id = ?', [next.id]);
      await c.run('INSERT INTO ws.ip_access_lists VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        next.id,
        next.label,
        next.type,
        JSON.stringify(next.ips),
        next.enabled,
        created ? Number(created.created_at) : now,
        created ? Number(created.created_by) : Number(req.principal.id),
        now,
        Number(req.principal.id),
      ]);
    });
  };
  const admin = (req: RestRequest) => {
    if (!req.principal.isAdmin) throw forbidden('Only workspace admins can manage IP access lists.');
  };
  const audit = (action: string) => ({
    service: 'accounts',
    action,
    params: (req: RestRequest) => ({ ipAccessListId: String(req.params.id ?? '') }),
  });
  return [
    { method: 'GET', path: BASE, handler: async (req) => (admin(req), { body: await listBody(all) }) },
    {
      method: 'GET',
      path: `${BASE}/:id`,
      handler: async (req) => (admin(req), { body: { ip_access_list: render(await load(req.params.id as string)) } }),
    },
    {
      method: 'POST',
      path: BASE,
      audit: audit('createIpAccessList'),
      handler: async (req) => {
        admin(req);
        const b = asObject(req.body);
        const id = randomUUID();
        await save(req, {
          id,
          label: requireString(b, 'label'),
          type: requireString(b, 'list_type'),
          ips: optionalStringArray(b, 'ip_addresses') ?? [],
          enabled: true,
        });
        return { body: { ip_access_list: render(await load(id)) }, auditParams: { ipAccessListId: id } };
      },
    },
    {
      method: 'PUT',
      path: `${BASE}/:id`,
      audit: audit('updateIpAccessList'),
      handler: async (req) => {
        admin(req);
        const old = await load(req.params.id as string);
        const b = asObject(req.body);
        const enabled = optionalBool(b, 'enabled');
        if (enabled === undefined) throw badRequest('Missing required field: enabled');
        await save(
          req,
          {
            id: old.list_id,
            label: requireString(b, 'label'),
            type: requireString(b, 'list_type'),
            ips: optionalStringArray(b, 'ip_addresses') ?? [],
            enabled,
          },
          old,
        );
        return {};
      },
    },
    {
      method: 'PATCH',
      path: `${BASE}/:id`,
      audit: audit('updateIpAccessList'),
      handler: async (req) => {
        admin(req);
        const old = await load(req.params.id as string);
        const b = asObject(req.body);
        await save(
          req,
          {
            id: old.list_id,
            label: optionalString(b, 'label') ?? old.label,
            type: optionalString(b, 'list_type') ?? old.list_type,
            ips: optionalStringArray(b, 'ip_addresses') ?? (JSON.parse(old.ip_addresses) as string[]),
            enabled: optionalBool(b, 'enabled') ?? old.enabled,
          },
          old,
        );
        return {};
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:id`,
      audit: audit('deleteIpAccessList'),
      handler: async (req) => {
        admin(req);
        await load(req.params.id as string);
        await db.run('DELETE FROM ws.ip_access_lists WHERE list_id = ?', [req.params.id as string]);
        return {};
      },
    },
  ];
}

async function listBody(all: () => Promise<ListRow[]>) {
  const rows = await all();
  return rows.length ? { ip_access_lists: rows.map(render) } : {};
}

function validate(req: RestRequest, next: { label: string; type: string; ips: string[]; enabled: boolean }, others: ListRow[]): void {
  if (!next.label.trim()) throw badRequest('label must not be empty.');
  if (next.type !== 'ALLOW' && next.type !== 'BLOCK') throw badRequest(`list_type must be ALLOW or BLOCK (got ${next.type}).`);
  const bad = next.ips.filter((ip) => !validAddress(ip));
  if (bad.length) throw badRequest(`Invalid IP addresses or CIDR ranges: ${bad.join(', ')}`);
  const total = others.reduce((n, r) => n + (JSON.parse(r.ip_addresses) as string[]).length, 0) + next.ips.length;
  if (total > MAX_VALUES)
    throw new ApiError(
      400,
      'QUOTA_EXCEEDED',
      `IP access lists may hold at most ${MAX_VALUES} IP addresses or CIDR ranges in total (would be ${total}).`,
    );
  if (next.type === 'BLOCK' && next.enabled && next.ips.some((ip) => covers(ip, req.meta.sourceIp))) {
    throw new ApiError(400, 'INVALID_STATE', `Your current IP ${req.meta.sourceIp} would be blocked by this list.`);
  }
}

function validAddress(value: string): boolean {
  const [ip, prefix, ...rest] = value.split('/');
  const kind = isIP(ip ?? '');
  if (!kind || rest.length) return false;
  if (prefix === undefined) return true;
  const p = Number(prefix);
  return /^\d+$/.test(prefix) && p >= 0 && p <= (kind === 4 ? 32 : 128);
}

/** IPv4 CIDR containment (IPv6 only by exact match). */
function covers(entry: string, ip: string): boolean {
  const [net, prefix] = entry.split('/');
  if (prefix === undefined || isIP(ip) !== 4 || isIP(net ?? '') !== 4) return entry === ip;
  const toInt = (a: string) => a.split('.').reduce((n, o) => (n << 8) + Number(o), 0) >>> 0;
  const bits = Number(prefix);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(net as string) & mask) >>> 0 === (toInt(ip) & mask) >>> 0;
}
