// The ten events of a week that matter most, ranked by what they can do: someone made an admin, all users given
// MANAGE or ALL PRIVILEGES, a failed sign-in spike, a bulk revocation, audit logging or an IP access list changed.
// Candidates come from aggregated SQL (few rows); this ranks and words them.
import { encodeEventKey } from '@/lib/audit/rules/cursor';
import { describeConfigChange, describePermissionChange, describeSecretChange, type RequestParams } from '@/lib/audit/rules/describe';
import type { NotableEvent, NotableKind } from '../contract';
import { auditLink } from './figures';
import { count } from './sentences';

export const NOTABLE_LIMIT = 10;

/** Principals that stand for everyone in the workspace or account. */
const EVERYONE = new Set(['users', 'account users', 'all users']);
const POWERFUL = new Set(['MANAGE', 'ALL_PRIVILEGES', 'ALL PRIVILEGES', 'OWNERSHIP']);

const RANK: Record<NotableKind, number> = {
  broad_grant: 100,
  admin_grant: 95,
  signin_spike: 90,
  bulk_revocation: 80,
  config_change: 75,
  admin_removal: 60,
  privileged_grant: 55,
  token_without_expiry: 40,
  secret_acl: 30,
};

export interface CandidateEvent {
  micros: number;
  eventId: string;
  time: Date;
  service: string;
  action: string;
  actor: string | null;
  params: RequestParams;
}

export interface SpikeHour {
  at: Date;
  count: number;
  baseline: number;
}

export interface BulkRevocation {
  actor: string;
  hour: Date;
  tokens: number;
}

interface Ranked extends NotableEvent {
  rank: number;
}

function eventLink(week: { from: Date; to: Date }, e: CandidateEvent): string {
  const params = new URLSearchParams(auditLink(week, { service: e.service, action: e.action }));
  params.set('event', encodeEventKey({ micros: e.micros, eventId: e.eventId }));
  return params.toString();
}

interface UcChange {
  principal?: unknown;
  add?: unknown;
}

function powerfulGrants(changesJson: string | null | undefined): { principal: string; privileges: string[] }[] {
  if (!changesJson) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(changesJson);
  } catch {
    return [];
  }
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((c: UcChange) => {
    if (typeof c !== 'object' || c === null || typeof c.principal !== 'string' || !Array.isArray(c.add)) return [];
    const privileges = c.add.filter((p): p is string => typeof p === 'string' && POWERFUL.has(p.toUpperCase()));
    return privileges.length ? [{ principal: c.principal, privileges }] : [];
  });
}

const NO_EXPIRY = (params: RequestParams) => {
  const ms = Number(params.tokenExpirationTime ?? 0);
  return !Number.isFinite(ms) || ms <= 0;
};

/** A candidate event as a notable one, or null when it is not notable after all. */
export function classify(e: CandidateEvent, week: { from: Date; to: Date }): Ranked | null {
  const base = { time: e.time.toISOString(), actor: e.actor, link: eventLink(week, e) };
  const make = (kind: NotableKind, title: string, detail: string): Ranked => ({ kind, title, detail, rank: RANK[kind], ...base });
  if (e.service === 'accounts' && (e.action === 'setAdmin' || e.action === 'setAccountAdmin' || e.action === 'removeAdmin')) {
    const d = describePermissionChange(e.service, e.action, e.params);
    return e.action === 'removeAdmin'
      ? make('admin_removal', 'Removed from the admins', `${d.object}: ${d.change}`)
      : make('admin_grant', 'Made an admin', `${d.object}: ${d.change}`);
  }
  if (e.service === 'unityCatalog' && e.action === 'updatePermissions') {
    const grants = powerfulGrants(e.params.changes);
    if (!grants.length) return null;
    const d = describePermissionChange(e.service, e.action, e.params);
    const broad = grants.some((g) => EVERYONE.has(g.principal.toLowerCase()));
    return broad
      ? make('broad_grant', 'Everyone given powerful rights', `${d.object}: ${d.change}`)
      : make('privileged_grant', 'Powerful privilege granted', `${d.object}: ${d.change}`);
  }
  if (e.action === 'generateDbToken') {
    if (!NO_EXPIRY(e.params)) return null;
    const hash = e.params.tokenHash;
    return make('token_without_expiry', 'Token without expiry created', hash ? `token ${hash.slice(0, 12)}…` : 'a token');
  }
  if (e.service === 'secrets' && (e.action === 'putAcl' || e.action === 'deleteAcl')) {
    const d = describeSecretChange(e.action, e.params);
    return make('secret_acl', 'Secret permissions changed', `${d.object}: ${d.change}`);
  }
  const d = describeConfigChange(e.action, e.params);
  return make('config_change', 'Workspace security setting changed', `${d.object}: ${d.change}`);
}

function spikeEvent(s: SpikeHour, week: { from: Date; to: Date }): Ranked {
  const hourEnd = new Date(s.at.getTime() + 3_600_000);
  return {
    kind: 'signin_spike',
    rank: RANK.signin_spike,
    time: s.at.toISOString(),
    title: 'Failed sign-in spike',
    detail: `${count(s.count, 'failed sign-in')} in one hour against a typical ${s.baseline} per hour`,
    actor: null,
    link: auditLink({ from: s.at < week.from ? week.from : s.at, to: hourEnd }, { category: 'signin', outcome: 'failure' }),
  };
}

function bulkEvent(b: BulkRevocation): Ranked {
  return {
    kind: 'bulk_revocation',
    rank: RANK.bulk_revocation,
    time: b.hour.toISOString(),
    title: 'Bulk token revocation',
    detail: `${count(b.tokens, 'token')} revoked within an hour`,
    actor: b.actor,
    link: auditLink(
      { from: b.hour, to: new Date(b.hour.getTime() + 3_600_000) },
      { service: 'accounts', action: 'revokeDbToken', actor: b.actor, outcome: 'success' },
    ),
  };
}

/** The most important events first (newest first within a kind), at most NOTABLE_LIMIT. */
export function notableEvents(
  week: { from: Date; to: Date },
  input: { candidates: readonly CandidateEvent[]; spikes: readonly SpikeHour[]; bulkRevocations: readonly BulkRevocation[] },
  limit = NOTABLE_LIMIT,
): NotableEvent[] {
  const ranked = [
    ...input.candidates.map((e) => classify(e, week)).filter((e): e is Ranked => e !== null),
    ...input.spikes.map((s) => spikeEvent(s, week)),
    ...input.bulkRevocations.map(bulkEvent),
  ];
  ranked.sort((a, b) => b.rank - a.rank || b.time.localeCompare(a.time));
  return ranked.slice(0, limit).map(({ rank: _rank, ...e }) => e);
}
