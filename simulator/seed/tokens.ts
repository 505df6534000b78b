// Personal access tokens in every situation the dashboard looks for, mixed with healthy ones.
import type { Estate, Scale } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import type { TokenRow } from '../store/token-store';
import { DAY_MS, dayOf, type Rng } from './random';
import type { PeopleSeed } from './people';

type Category = 'noExpiry' | 'expiringSoon' | 'overMax' | 'unused' | 'deactivated' | 'servicePrincipal' | 'shared' | 'healthy' | 'revoked';

const COUNTS: Record<Scale, Record<Category, number>> = {
  demo: { noExpiry: 8, expiringSoon: 8, overMax: 8, unused: 8, deactivated: 6, servicePrincipal: 10, shared: 4, healthy: 50, revoked: 6 },
  large: {
    noExpiry: 1500,
    expiringSoon: 1500,
    overMax: 1500,
    unused: 2500,
    deactivated: 1200,
    servicePrincipal: 1500,
    shared: 300,
    healthy: 10_000,
    revoked: 500,
  },
};

const PERSON_COMMENTS = [
  'dbt local dev',
  'VS Code extension',
  'databricks-cli',
  'notebook automation',
  'Tableau extract refresh',
  'Power BI desktop',
  'CI pipeline (GitHub Actions)',
  'temporary debugging',
  'terraform plan',
  'Airflow connection',
  'Excel ODBC',
  'local pyspark tests',
  '',
];
const SP_COMMENTS = [
  'nightly ETL',
  'Power BI gateway refresh',
  'Fivetran connector',
  'batch scoring',
  'dbt Cloud production',
  'reverse ETL sync',
  'Airflow (legacy)',
];

export interface TokenSeed {
  rows: TokenRow[];
  estate: Estate['tokens'];
}

export function seedTokens(rng: Rng, scale: Scale, now: number, ppl: PeopleSeed): TokenSeed {
  const active = ppl.people.filter((p) => p.active);
  const inactive = ppl.people.filter((p) => !p.active);
  const activeSps = ppl.servicePrincipals.filter((s) => s.active);
  const admins = [ppl.personas.admin, ppl.personas.platformAdmin];
  const rows: TokenRow[] = [];
  const estate: TokenSeed['estate'] = [];
  const days = (n: number) => n * DAY_MS;

  const add = (
    category: Category,
    owner: PrincipalRecord,
    createdBy: PrincipalRecord,
    created: number,
    lifetimeDays: number | null,
    lastUsed: number | null,
  ) => {
    const tokenId = rng.hex(64);
    const comment = rng.pick(owner.kind === 'service_principal' ? SP_COMMENTS : PERSON_COMMENTS);
    const expiryTime = lifetimeDays === null ? -1 : created + days(lifetimeDays);
    const usage = category === 'shared' ? 'shared' : category === 'unused' ? 'unused' : category === 'revoked' ? 'revoked' : 'normal';
    estate.push({ tokenId, ownerName: owner.name, createdByName: createdBy.name, creationTime: created, expiryTime, comment, usage });
    if (category === 'revoked') return;
    rows.push({
      tokenId,
      ownerId: owner.id,
      createdById: createdBy.id,
      createdByUsername: createdBy.name,
      comment,
      creationTime: created,
      expiryTime,
      lastUsedDay: lastUsed === null ? null : dayOf(lastUsed),
      scopes: null,
    });
  };

  const makers: Record<Category, () => void> = {
    noExpiry: () => {
      const o = rng.pick(active);
      add('noExpiry', o, o, now - days(rng.int(200, 1100)), null, now - days(rng.int(0, 20)));
    },
    expiringSoon: () => {
      const o = rng.pick(active);
      const left = rng.int(1, 29);
      add('expiringSoon', o, o, now - days(90 - left), 90, now - days(rng.int(0, 10)));
    },
    overMax: () => {
      const o = rng.pick(active);
      const lifetime = rng.pick([180, 365, 730]);
      add('overMax', o, o, now - days(rng.int(5, Math.min(lifetime - 10, 400))), lifetime, now - days(rng.int(0, 14)));
    },
    unused: () => {
      const o = rng.pick(active);
      add(
        'unused',
        o,
        o,
        now - days(rng.int(150, 500)),
        rng.chance(0.5) ? null : 730,
        rng.chance(0.3) ? null : now - days(rng.int(95, 300)),
      );
    },
    deactivated: () => {
      const o = rng.pick(inactive);
      add('deactivated', o, o, now - days(rng.int(100, 600)), rng.chance(0.5) ? null : 730, now - days(rng.int(60, 200)));
    },
    servicePrincipal: () => {
      const o = rng.pick(activeSps);
      add('servicePrincipal', o, rng.pick(admins), now - days(rng.int(10, 400)), rng.pick([null, 365, 90, 180]), now - days(rng.int(0, 2)));
    },
    shared: () => {
      const o = rng.pick(active);
      add('shared', o, o, now - days(rng.int(30, 200)), 365, now - days(rng.int(0, 1)));
    },
    healthy: () => {
      const o = rng.pick(active);
      const lifetime = rng.int(45, 90);
      add('healthy', o, o, now - days(rng.int(0, lifetime - 31)), lifetime, rng.chance(0.9) ? now - days(rng.int(0, 7)) : null);
    },
    revoked: () => {
      const o = rng.pick(active);
      add('revoked', o, o, now - days(rng.int(10, 85)), 90, null);
    },
  };
  for (const [category, n] of Object.entries(COUNTS[scale]) as Array<[Category, number]>) for (let i = 0; i < n; i++) makers[category]();
  // The legacy Airflow service principal is deactivated but still holds a token nobody revoked.
  const legacy = ppl.servicePrincipals.find((s) => !s.active);
  if (legacy) add('deactivated', legacy, ppl.personas.platformAdmin, now - days(700), null, now - days(120));
  const analyst = ppl.personas.analyst;
  add('healthy', analyst, analyst, now - days(12), 60, now - days(1));
  return { rows, estate };
}
