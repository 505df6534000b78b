// Personal access tokens in every situation the dashboard looks for, mixed with healthy ones.
import type { Estate, Scale } from '../core/contract';
import type { PrincipalRecord } from '../identity/store';
import type { TokenRow } from '../store/token-store';
import { days, HOUR_MS, nextDay, Roster, within } from './lifecycle';
import type { PeopleSeed } from './people';
import { DAY_MS, dayOf, type Rng } from './random';

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

/**
 * Every token lives inside its owner's (and creator's) time in the workspace, and its last use falls between the day
 * after its creation (so last_used_day, midnight of that day, is never before creation_time) and the first of its
 * expiry, its revocation, its owner's deactivation and now. A category says what the story wants (e.g. "used this
 * week"); the times are then kept inside those limits.
 */
export function seedTokens(rng: Rng, scale: Scale, now: number, ppl: PeopleSeed): TokenSeed {
  const active = new Roster(
    ppl.people.filter((p) => p.active),
    ppl.leftAt,
  );
  const inactive = ppl.people.filter((p) => !p.active);
  const activeSps = new Roster(
    ppl.servicePrincipals.filter((s) => s.active),
    ppl.leftAt,
  );
  const admins = new Roster([ppl.personas.admin, ppl.personas.platformAdmin], ppl.leftAt);
  const rows: TokenRow[] = [];
  const estate: TokenSeed['estate'] = [];
  const ago = (n: number) => now - days(n);

  /** Someone of `pool` who was here at `created`; if nobody had joined yet, the earliest joiner a day after they did. */
  const ownerAt = (pool: Roster, created: number): [PrincipalRecord, number] => {
    const p = pool.pick(rng, created);
    if (p) return [p, created];
    const first = pool.earliest();
    return [first, first.createdAt + days(1) + rng.int(1, 8) * HOUR_MS];
  };

  const add = (
    category: Category,
    owner: PrincipalRecord,
    createdBy: PrincipalRecord,
    created: number,
    lifetimeDays: number | null,
    /** When the story wants the last use; kept inside the token's life, or null for no recorded use. */
    wantedUse: number | null,
  ) => {
    created = Math.floor(created);
    const tokenId = rng.hex(64);
    const comment = rng.pick(owner.kind === 'service_principal' ? SP_COMMENTS : PERSON_COMMENTS);
    const expiryTime = lifetimeDays === null ? -1 : created + days(lifetimeDays);
    const usage = category === 'shared' ? 'shared' : category === 'unused' ? 'unused' : category === 'revoked' ? 'revoked' : 'normal';
    let revokedTime: number | null = null;
    let revokedBy: string | null = null;
    if (category === 'revoked') {
      revokedTime = within(rng, created + days(1) + rng.next() * (now - created - days(1)), created + HOUR_MS, now - HOUR_MS);
      // Most people revoke their own token; sometimes an admin does it for them.
      revokedBy = rng.chance(0.7) || revokedTime === null ? owner.name : (admins.pick(rng, revokedTime)?.name ?? owner.name);
    }
    const end = Math.min(now, expiryTime === -1 ? Infinity : expiryTime, revokedTime ?? Infinity, ppl.leftAt.get(owner.id) ?? Infinity);
    const lastUsedTime = wantedUse === null ? null : within(rng, wantedUse, nextDay(created), end);
    estate.push({
      tokenId,
      ownerName: owner.name,
      createdByName: createdBy.name,
      creationTime: created,
      expiryTime,
      comment,
      usage,
      lastUsedTime,
      revokedTime,
      revokedBy,
    });
    if (category === 'revoked') return;
    rows.push({
      tokenId,
      ownerId: owner.id,
      createdById: createdBy.id,
      createdByUsername: createdBy.name,
      comment,
      creationTime: created,
      expiryTime,
      lastUsedDay: lastUsedTime === null ? null : dayOf(lastUsedTime),
      scopes: null,
    });
  };
  const own = (
    category: Category,
    pool: Roster,
    wantedCreated: number,
    lifetime: number | null,
    wantedUse: (created: number) => number | null,
  ) => {
    const [o, created] = ownerAt(pool, wantedCreated);
    add(category, o, o, created, lifetime, wantedUse(created));
  };

  const makers: Record<Category, () => void> = {
    noExpiry: () => own('noExpiry', active, ago(rng.int(200, 1100)), null, () => ago(rng.int(0, 20))),
    expiringSoon: () => {
      const left = rng.int(1, 29);
      own('expiringSoon', active, ago(90 - left) - rng.int(0, 20) * HOUR_MS, 90, () => ago(rng.int(0, 10)));
    },
    overMax: () => {
      const lifetime = rng.pick([180, 365, 730]);
      own('overMax', active, ago(rng.int(5, Math.min(lifetime - 10, 400))), lifetime, () => ago(rng.int(0, 14)));
    },
    // Created months ago; used for a while after creation (or never), and not at all for at least 95 days.
    unused: () =>
      own('unused', active, ago(rng.int(150, 500)), rng.chance(0.5) ? null : 730, (created) =>
        rng.chance(0.3) ? null : created + days(1) + rng.next() * Math.max(0, ago(95) - created - days(1)),
      ),
    // A person who has left: the token was made and last used while they were still here.
    deactivated: () => {
      const o = rng.pick(inactive);
      const left = ppl.leftAt.get(o.id) ?? now;
      const from = Math.max(o.createdAt + days(1), left - days(600));
      const created = from + rng.next() * Math.max(0, left - days(10) - from);
      add('deactivated', o, o, created, rng.chance(0.5) ? null : 730, left - rng.int(0, 20) * DAY_MS - rng.int(1, 10) * HOUR_MS);
    },
    // On-behalf-of tokens: an admin mints them for a service principal that exists already.
    servicePrincipal: () => {
      const wanted = ago(rng.int(10, 400));
      const [o, created0] = ownerAt(activeSps, wanted);
      const [by, created] = ownerAt(admins, created0);
      add('servicePrincipal', o, by, Math.max(created0, created), rng.pick([null, 365, 90, 180]), ago(rng.int(0, 2)));
    },
    shared: () => own('shared', active, ago(rng.int(30, 200)), 365, () => ago(rng.int(0, 1))),
    healthy: () => {
      const lifetime = rng.int(45, 90);
      own('healthy', active, ago(rng.int(0, lifetime - 31)) - rng.int(0, 20) * HOUR_MS, lifetime, () =>
        rng.chance(0.9) ? ago(rng.int(0, 7)) : null,
      );
    },
    revoked: () => own('revoked', active, ago(rng.int(10, 85)), 90, () => now),
  };
  for (const [category, n] of Object.entries(COUNTS[scale]) as Array<[Category, number]>) for (let i = 0; i < n; i++) makers[category]();
  // The legacy Airflow service principal is deactivated but still holds a token nobody revoked: minted by an admin
  // (or, before either admin joined, through the API by the principal itself) early in its life, used until shortly
  // before the principal was switched off.
  const legacy = ppl.servicePrincipals.find((s) => !s.active);
  if (legacy) {
    const left = ppl.leftAt.get(legacy.id) ?? now;
    const created = Math.max(ago(700), legacy.createdAt + days(1) + rng.int(1, 8) * HOUR_MS);
    add('deactivated', legacy, admins.pick(rng, created) ?? legacy, created, null, left - days(rng.int(2, 12)));
  }
  const analyst = ppl.personas.analyst;
  add('healthy', analyst, analyst, ago(12), 60, ago(1));
  return { rows, estate };
}
