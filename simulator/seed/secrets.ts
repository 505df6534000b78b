// Secret scopes, secrets and ACLs: broad MANAGE grants, single-manager scopes, stale secrets, Key Vault scopes, keys
// nobody reads, an empty scope and a leaver still in an ACL, next to well-run ones. Values are fake but shaped like
// the real thing. The last three stories are built without drawing from `rng`, so everything seeded after the
// scopes (clusters, jobs, ACLs, IP lists) stays as it was.
import type { Estate, Scale } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import { HOUR_MS } from './lifecycle';
import { DAY_MS, type Rng } from './random';
import type { PeopleSeed } from './people';

export interface SecretsSeed {
  scopes: Array<{
    name: string;
    backend: 'DATABRICKS' | 'AZURE_KEYVAULT';
    kvResourceId: string | null;
    kvDns: string | null;
    createdBy: string;
    createdAt: number;
  }>;
  secrets: Array<{ scope: string; key: string; value: Buffer; updated: number }>;
  acls: Array<{ scope: string; principal: string; permission: 'READ' | 'WRITE' | 'MANAGE' }>;
  estate: Estate['scopes'];
}

type Acl = [principal: string, permission: 'READ' | 'WRITE' | 'MANAGE'];

interface ScopeDef {
  name: string;
  backend?: 'AZURE_KEYVAULT';
  keys: string[];
  /** Age of the secrets' last update, in days (stale when large). */
  ageDays: [number, number];
  /** Keys nothing reads any more (the history has no getSecret of them). */
  unread?: string[];
  acls: (p: Refs) => Acl[];
}

interface Refs {
  admin: string;
  platformAdmin: string;
  person: () => string;
  sp: (name: string) => string;
}

const SCOPES: ScopeDef[] = [
  {
    name: 'prod-etl',
    keys: ['snowflake-password', 'adls-account-key', 'sftp-private-key', 'salesforce-token'],
    ageDays: [20, 400],
    acls: () => [['users', 'MANAGE']],
  },
  {
    name: 'kafka-ingest',
    keys: ['sasl-username', 'sasl-password', 'schema-registry-key'],
    ageDays: [200, 700],
    // The schema registry moved to mutual TLS; the old key stayed behind.
    unread: ['schema-registry-key'],
    acls: (p) => [
      ['users', 'MANAGE'],
      [p.sp('etl-orchestrator'), 'READ'],
    ],
  },
  // A sandbox nobody has used for months.
  {
    name: 'marketing-sandbox',
    keys: ['google-ads-token', 'hubspot-api-key'],
    ageDays: [300, 800],
    unread: ['google-ads-token', 'hubspot-api-key'],
    acls: () => [['users', 'MANAGE']],
  },
  {
    name: 'ml-platform',
    keys: ['mlflow-registry-token', 'huggingface-token', 'openai-api-key'],
    ageDays: [10, 120],
    acls: (p) => [
      [p.person(), 'MANAGE'],
      ['data-science', 'READ'],
      ['ml-engineering', 'READ'],
    ],
  },
  {
    name: 'finance-reporting',
    keys: ['sap-bw-password', 'anaplan-token', 'workday-client-secret'],
    ageDays: [450, 900],
    acls: (p) => [
      [p.person(), 'MANAGE'],
      ['finance-analysts', 'READ'],
    ],
  },
  {
    name: 'claims-vendor-apis',
    keys: ['guidewire-api-key', 'lexisnexis-password'],
    ageDays: [380, 720],
    acls: (p) => [[p.person(), 'MANAGE']],
  },
  {
    name: 'brickwatch',
    keys: ['sp-client-secret'],
    ageDays: [1, 20],
    acls: (p) => [
      [p.admin, 'MANAGE'],
      ['admins', 'MANAGE'],
      [p.sp('brickwatch-service'), 'WRITE'],
    ],
  },
  {
    name: 'etl-orchestrator',
    keys: ['databricks-token', 'storage-sas-token', 'postgres-password'],
    ageDays: [5, 60],
    acls: (p) => [
      [p.sp('etl-orchestrator'), 'MANAGE'],
      ['data-engineering', 'READ'],
      ['admins', 'MANAGE'],
    ],
  },
  {
    name: 'dbt-cloud',
    keys: ['databricks-token', 'github-deploy-key'],
    ageDays: [15, 90],
    acls: (p) => [
      [p.sp('dbt-cloud-prod'), 'MANAGE'],
      ['platform-ops', 'MANAGE'],
    ],
  },
  {
    name: 'partner-apis',
    keys: ['experian-client-secret', 'verisk-api-key', 'here-maps-key', 'twilio-auth-token'],
    ageDays: [30, 600],
    acls: (p) => [
      [p.platformAdmin, 'MANAGE'],
      ['data-engineering', 'WRITE'],
      ['analytics', 'READ'],
    ],
  },
  {
    name: 'powerbi',
    keys: ['gateway-token'],
    ageDays: [40, 80],
    acls: (p) => [
      [p.sp('powerbi-gateway'), 'READ'],
      ['bi-developers', 'MANAGE'],
    ],
  },
  {
    name: 'akv-prod-keys',
    backend: 'AZURE_KEYVAULT',
    keys: ['sql-server-admin', 'storage-account-key', 'service-bus-connection'],
    ageDays: [60, 500],
    acls: (p) => [
      ['data-engineering', 'READ'],
      [p.platformAdmin, 'MANAGE'],
    ],
  },
  {
    name: 'akv-analytics',
    backend: 'AZURE_KEYVAULT',
    keys: ['synapse-password', 'cosmos-key'],
    ageDays: [100, 400],
    acls: () => [['users', 'READ']],
  },
];

export function seedSecrets(rng: Rng, scale: Scale, now: number, ppl: PeopleSeed): SecretsSeed {
  const out: SecretsSeed = { scopes: [], secrets: [], acls: [], estate: [] };
  const active = ppl.people.filter((p) => p.active && !Object.values(ppl.personas).includes(p));
  const spByName = new Map(ppl.servicePrincipals.map((s) => [s.displayName, s.name]));
  const refs: Refs = {
    admin: ppl.personas.admin.name,
    platformAdmin: ppl.personas.platformAdmin.name,
    person: () => (rng.pick(active) as PrincipalRecord).name,
    sp: (name) => spByName.get(name) ?? ppl.personas.admin.name,
  };
  const defs = [...SCOPES];
  for (let i = 1; scale === 'large' && i <= 300; i++) {
    defs.push({
      name: `team-${String(i).padStart(3, '0')}-secrets`,
      keys: ['api-key', 'db-password', 'service-token'].slice(0, rng.int(1, 3)),
      ageDays: [1, 900],
      acls: (p) =>
        rng.chance(0.2)
          ? [['users', 'MANAGE']]
          : [
              [p.person(), 'MANAGE'],
              [rng.pick(['analytics', 'data-science', 'data-engineering']), 'READ'],
            ],
    });
  }
  const byName = new Map(ppl.people.map((p) => [p.name, p]));
  for (const def of defs) {
    const backend = def.backend ?? 'DATABRICKS';
    const acls = def.acls(refs);
    const owner = acls.find(([, perm]) => perm === 'MANAGE')?.[0];
    const createdBy = owner && owner.includes('@') ? owner : refs.platformAdmin;
    // Made by its manager, after they joined; its secrets were all written since.
    const joined = byName.get(createdBy)?.createdAt ?? 0;
    const createdAt = Math.max(now - rng.int(def.ageDays[1], def.ageDays[1] + 200) * DAY_MS, joined + DAY_MS + rng.int(1, 8) * HOUR_MS);
    const vault = `kv-harborpine-${def.name.replace(/^akv-/, '')}`;
    out.scopes.push({
      name: def.name,
      backend,
      createdBy,
      createdAt,
      kvResourceId:
        backend === 'AZURE_KEYVAULT'
          ? `/subscriptions/${rng.uuid()}/resourceGroups/rg-data-prod/providers/Microsoft.KeyVault/vaults/${vault}`
          : null,
      kvDns: backend === 'AZURE_KEYVAULT' ? `https://${vault}.vault.azure.net/` : null,
    });
    const updatedAt: Record<string, number> = {};
    for (const key of def.keys) {
      const wanted = now - rng.int(def.ageDays[0], def.ageDays[1]) * DAY_MS - rng.int(0, 20) * HOUR_MS;
      updatedAt[key] = Math.min(now - HOUR_MS, Math.max(wanted, createdAt + rng.int(1, 30) * 60_000));
      out.secrets.push({ scope: def.name, key, value: Buffer.from(fakeSecret(rng, key)), updated: updatedAt[key] });
    }
    for (const [principal, permission] of acls) out.acls.push({ scope: def.name, principal, permission });
    out.estate.push({
      name: def.name,
      backend,
      keys: def.keys,
      createdAt,
      createdBy,
      updatedAt,
      acls: acls.map(([principal, permission]) => ({ principal, permission })),
      ...(def.unread ? { unread: def.unread } : {}),
    });
  }
  emptyScope(out, now, ppl);
  leaverInAcl(out, ppl);
  return out;
}

/** Made for a SharePoint migration that never went ahead: no secret was ever written into it. */
function emptyScope(out: SecretsSeed, now: number, ppl: PeopleSeed): void {
  const owner = ppl.personas.platformAdmin;
  const name = 'sharepoint-migration';
  const createdAt = Math.max(now - 75 * DAY_MS + 3 * HOUR_MS, owner.createdAt + DAY_MS);
  const acls: Acl[] = [
    [owner.name, 'MANAGE'],
    ['data-engineering', 'WRITE'],
  ];
  out.scopes.push({ name, backend: 'DATABRICKS', createdBy: owner.name, createdAt, kvResourceId: null, kvDns: null });
  for (const [principal, permission] of acls) out.acls.push({ scope: name, principal, permission });
  out.estate.push({
    name,
    backend: 'DATABRICKS',
    keys: [],
    createdAt,
    createdBy: owner.name,
    updatedAt: {},
    acls: acls.map(([p, m]) => ({ principal: p, permission: m })),
  });
}

/**
 * Someone who read the finance scope while they were here has left, and nobody removed their entry: Databricks keeps
 * ACL entries of deactivated people. The earliest leaver who was here for a while after the scope was made.
 */
function leaverInAcl(out: SecretsSeed, ppl: PeopleSeed): void {
  const scope = out.estate.find((s) => s.name === 'finance-reporting');
  if (!scope) return;
  const personas = new Set(Object.values(ppl.personas).map((p) => p.id));
  const leaver = ppl.people
    .filter((p) => !p.active && !personas.has(p.id))
    .map((p) => ({ p, left: ppl.leftAt.get(p.id) ?? 0 }))
    .filter(({ p, left }) => left > Math.max(scope.createdAt, p.createdAt) + 30 * DAY_MS)
    .sort((a, b) => a.left - b.left || a.p.name.localeCompare(b.p.name))[0];
  if (!leaver) return;
  out.acls.push({ scope: scope.name, principal: leaver.p.name, permission: 'READ' });
  scope.acls.push({ principal: leaver.p.name, permission: 'READ', stale: true });
}

function fakeSecret(rng: Rng, key: string): string {
  if (key.includes('password')) return `${rng.pick(['Harbor', 'Pine', 'Claims', 'Summer'])}${rng.int(1000, 9999)}!${rng.hex(6)}`;
  if (key.includes('databricks-token')) return `dapi${rng.hex(32)}`;
  if (key.includes('account-key')) return Buffer.from(rng.hex(64), 'hex').toString('base64');
  if (key.includes('private-key'))
    return `-----BEGIN OPENSSH PRIVATE KEY-----\n${Buffer.from(rng.hex(96), 'hex').toString('base64')}\n-----END OPENSSH PRIVATE KEY-----`;
  return `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;
}
