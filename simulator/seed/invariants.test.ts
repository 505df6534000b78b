import { describe, expect, it } from 'vitest';
import type { Scale } from '../core/contract';
import { tokenSchedule } from './audit-history';
import { discreteEvents } from './audit-history-events';
import { planViolations, type Violations } from './invariants';
import { DAY_MS, Rng } from './random';
import { planWorkspace } from './workspace-plan';

const now = new Date('2026-11-28T12:00:00Z');

function check(scale: Scale, seed: number) {
  const opts = { scale, seed, now };
  const plan = planWorkspace(opts);
  // Unity Catalog grants come from the catalog seed (in DuckDB): the integration test and the bench check those.
  const events = discreteEvents({ estate: plan.estate, opts, grants: [], securables: new Map() });
  const schedule = tokenSchedule(plan.estate, opts, new Rng(seed));
  return { plan, events, schedule, violations: planViolations(plan, now.getTime(), { events, schedule }) };
}

/** The rules broken, with up to three examples each (an empty object when none is). */
const summary = (v: Violations) => Object.fromEntries([...v].map(([rule, xs]) => [rule, `${xs.length}: ${xs.slice(0, 3).join('; ')}`]));

describe('the seeded estate keeps everything inside its life', () => {
  it.each([42, 7, 2024])('demo estate, seed %i', (seed) => {
    const { violations, plan } = check('demo', seed);
    expect(summary(violations)).toEqual({});
    expect(plan.estate.tokens.length).toBeGreaterThan(100);
  });

  it('large estate (20,000 tokens, 2,200 people, 2,000 jobs), without seeding DuckDB', () => {
    const { violations, plan, events } = check('large', 42);
    expect(summary(violations)).toEqual({});
    expect(plan.estate.tokens.length).toBeGreaterThanOrEqual(20_000);
    expect(events.length).toBeGreaterThan(500);
  });

  it('keeps the stories the dashboard looks for while doing so', () => {
    const { plan, events } = check('demo', 42);
    const t = plan.estate.tokens;
    const at = now.getTime();
    const expired = t.filter((x) => x.expiryTime !== -1 && x.expiryTime < at && x.usage !== 'revoked');
    // Expired tokens were last used before they expired; the recently used ones were used this week.
    for (const x of expired) expect(x.lastUsedTime ?? 0).toBeLessThanOrEqual(x.expiryTime);
    expect(t.filter((x) => x.lastUsedTime !== null && at - x.lastUsedTime < 7 * DAY_MS).length).toBeGreaterThan(40);
    expect(
      t.filter((x) => x.ownerName.includes('@') && !plan.estate.people.find((p) => p.userName === x.ownerName)?.active).length,
    ).toBeGreaterThan(2);
    // Someone left during the history, someone joined, and someone was made an admin this week.
    const kinds = new Set(events.map((e) => e.actionName));
    for (const action of ['deactivateUser', 'add', 'addPrincipalToGroup', 'setAdmin', 'removePrincipalFromGroup', 'putSecret', 'putAcl'])
      expect(kinds).toContain(action);
  });

  it('catches what the issue reported (so the checks above can fail)', () => {
    const { plan } = check('demo', 42);
    const [a, b] = plan.estate.tokens.filter((x) => x.lastUsedTime !== null && x.expiryTime !== -1);
    if (!a || !b) throw new Error('the demo estate has used tokens with an expiry');
    a.lastUsedTime = a.creationTime - DAY_MS;
    b.lastUsedTime = b.expiryTime + DAY_MS;
    const broken = planViolations(plan, now.getTime());
    expect(broken.get('token used before the day after its creation')).toHaveLength(1);
    expect(broken.get('token used after expiry, revocation, its owner leaving or now')).toHaveLength(1);
  });
});
