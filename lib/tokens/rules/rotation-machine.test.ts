import { describe, expect, it } from 'vitest';
import {
  canTransition,
  INITIAL_ROTATION,
  nextStep,
  ROTATION_STATES,
  RotationTransitionError,
  STEP_RESULTS,
  TERMINAL_STATES,
  transition,
  WAITING_STATES,
  type RotationEvent,
  type RotationEventType,
  type RotationSnapshot,
  type RotationState,
} from './rotation-machine';
import { describeRotation, ROTATION_STATUSES } from './rotation-outcome';

/** Every event, with each distinct payload shape that changes behaviour. */
const EVENTS: RotationEvent[] = [
  { type: 'created', tokenId: 'new-1' },
  { type: 'create_failed', error: 'quota exceeded' },
  { type: 'create_unknown', error: 'timed out' },
  { type: 'reconciled', foundTokenId: 'orphan-1', settled: false },
  { type: 'reconciled', foundTokenId: null, settled: false },
  { type: 'reconciled', foundTokenId: null, settled: true },
  { type: 'reconcile_failed', error: 'list failed', settled: false },
  { type: 'reconcile_failed', error: 'list failed', settled: true },
  { type: 'delivery_started' },
  { type: 'revealed' },
  { type: 'delivered' },
  { type: 'delivery_failed', error: 'scope missing' },
  { type: 'delivery_unknown', error: 'timed out' },
  { type: 'delivery_checked', written: true, settled: false },
  { type: 'delivery_checked', written: false, settled: false },
  { type: 'delivery_checked', written: false, settled: true },
  { type: 'delivery_check_failed', error: 'list failed', settled: false },
  { type: 'delivery_check_failed', error: 'list failed', settled: true },
  { type: 'confirmed' },
  { type: 'discarded' },
  { type: 'confirm_expired' },
  { type: 'old_revoked' },
  { type: 'old_revoke_failed', error: '503' },
  { type: 'new_revoked' },
  { type: 'new_revoke_failed', error: '503' },
  { type: 'interrupted' },
  { type: 'retry' },
];
const EVENT_TYPES = [...new Set(EVENTS.map((e) => e.type))];

const key = (s: RotationSnapshot) => JSON.stringify(s);

/** Every snapshot reachable from the initial one, with every edge taken. */
function explore() {
  const seen = new Map<string, RotationSnapshot>([[key(INITIAL_ROTATION), INITIAL_ROTATION]]);
  const edges: Array<{ from: RotationSnapshot; event: RotationEvent; to: RotationSnapshot }> = [];
  const queue = [INITIAL_ROTATION];
  while (queue.length) {
    const from = queue.shift()!;
    for (const event of EVENTS) {
      if (!canTransition(from.state, event.type)) continue;
      const next = transition(from, event);
      edges.push({ from, event, to: next });
      if (!seen.has(key(next))) {
        seen.set(key(next), next);
        queue.push(next);
      }
    }
  }
  return { snapshots: [...seen.values()], edges };
}

const { snapshots, edges } = explore();
const run = (...events: RotationEvent[]) => events.reduce(transition, INITIAL_ROTATION);

describe('rotation state machine: every reachable path', () => {
  it('reaches every state', () => {
    expect(new Set(snapshots.map((s) => s.state))).toEqual(new Set(ROTATION_STATES));
  });

  it('revokes the old token only from delivered', () => {
    const intoCompleted = edges.filter((e) => e.to.state === 'completed' && e.from.state !== 'completed');
    expect(intoCompleted.length).toBeGreaterThan(0);
    for (const e of intoCompleted) expect([e.from.state, e.event.type]).toEqual(['delivered', 'old_revoked']);
    for (const s of snapshots) expect(describeRotation(s).oldToken).toBe(s.state === 'completed' ? 'revoked' : 'active');
  });

  it("reaches delivered only from a confirmed secret write or the admin's confirmation (or a retry from there)", () => {
    const into = edges.filter((e) => e.to.state === 'delivered' && e.from.state !== 'delivered');
    const ways = new Set(into.map((e) => `${e.from.state} --${e.event.type}`));
    expect(ways).toEqual(
      new Set(['delivering --delivered', 'delivery_unknown --delivery_checked', 'awaiting_confirmation --confirmed', 'old_active --retry']),
    );
    for (const e of into.filter((x) => x.event.type === 'delivery_checked')) expect(e.event).toMatchObject({ written: true });
  });

  it('never revokes a new token a secret write may still be delivering: only after the settle window, with no write seen', () => {
    for (const e of edges.filter(
      (x) => x.to.state === 'rolling_back' && (x.from.state === 'delivering' || x.from.state === 'delivery_unknown'),
    )) {
      expect(e.from.state === 'delivering' ? e.event.type : e.event, `${e.from.state} --${e.event.type}`).toEqual(
        e.from.state === 'delivering' ? 'delivery_failed' : { type: 'delivery_checked', written: false, settled: true },
      );
    }
    expect(transition({ ...INITIAL_ROTATION, state: 'delivering', newTokenId: 'n' }, { type: 'interrupted' }).state).toBe(
      'delivery_unknown',
    );
  });

  it('gives up on a token whose create timed out only once the settle window has passed', () => {
    for (const e of edges.filter((x) => x.from.state === 'create_unknown' && x.to.state === 'failed'))
      expect(e.event).toMatchObject({ settled: true });
  });

  it('never loses track of a new token that may exist', () => {
    for (const { from, event, to } of edges) {
      const before = describeRotation(from).newToken;
      const after = describeRotation(to).newToken;
      if (before === 'active') expect(after, `${from.state} --${event.type}--> ${to.state}`).not.toMatch(/none|unknown/);
      // "unknown" may only become "none" when reconciliation found no token.
      if (before === 'unknown' && after === 'none') expect(event).toEqual({ type: 'reconciled', foundTokenId: null, settled: true });
      if (after === 'active' || after === 'revoked') expect(to.newTokenId).not.toBeNull();
    }
  });

  it('sends at most one create per rotation', () => {
    const creates = edges.filter(
      (e) => e.event.type === 'created' || e.event.type === 'create_failed' || e.event.type === 'create_unknown',
    );
    for (const e of creates) expect(e.from).toEqual(INITIAL_ROTATION);
    expect(edges.some((e) => e.to.state === 'intent' && e.from.state !== 'intent')).toBe(false);
  });

  it('ends terminal states for good', () => {
    for (const state of TERMINAL_STATES) for (const t of EVENT_TYPES) expect(canTransition(state, t)).toBe(false);
  });

  it('can finish from every state, given a cooperating workspace and an admin who retries', () => {
    const canFinish = new Set<string>(snapshots.filter((s) => TERMINAL_STATES.has(s.state)).map(key));
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of edges) {
        if (!canFinish.has(key(e.from)) && canFinish.has(key(e.to))) {
          canFinish.add(key(e.from));
          grew = true;
        }
      }
    }
    for (const s of snapshots) expect(canFinish.has(key(s)), s.state).toBe(true);
  });

  it('accepts exactly the results of the step it asks for', () => {
    for (const s of snapshots) {
      const step = nextStep(s, true);
      if (step === null || step === 'interrupt') continue;
      for (const t of EVENT_TYPES) {
        const expected = STEP_RESULTS[step].includes(t) || t === 'interrupted';
        expect(canTransition(s.state, t), `${s.state} ${t}`).toBe(expected);
      }
    }
  });

  it('waits for a retry in waiting states and moves on retry to a state with work to do', () => {
    for (const state of WAITING_STATES) {
      const s: RotationSnapshot = { ...INITIAL_ROTATION, state, newTokenId: 'n' };
      expect(nextStep(s, true)).toBeNull();
      expect(nextStep(transition(s, { type: 'retry' }), true)).not.toBeNull();
    }
  });

  it('throws on an event the state cannot take', () => {
    expect(() => transition(INITIAL_ROTATION, { type: 'old_revoked' })).toThrow(RotationTransitionError);
    expect(() =>
      transition(run({ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivered' }, { type: 'old_revoked' }), {
        type: 'retry',
      }),
    ).toThrow('Rotation cannot take "retry" in state "completed"');
  });
});

describe('rotation paths', () => {
  it('into a secret: intent → created → delivering → delivered → old revoked', () => {
    const s = run({ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivered' }, { type: 'old_revoked' });
    expect(s).toEqual({ state: 'completed', newTokenId: 'n', rollbackCause: null, lastError: null });
    expect(describeRotation(s).status).toBe('completed');
  });

  it("shown once: the old token waits for the admin's confirmation; discard or no confirmation revokes the new one", () => {
    const shown = run({ type: 'created', tokenId: 'n' }, { type: 'revealed' });
    expect(describeRotation({ ...shown, deadline: Date.UTC(2026, 11, 4, 14, 5) })).toMatchObject({
      status: 'awaiting_confirmation',
      oldToken: 'active',
      newToken: 'active',
      retry: 'confirm',
      message: expect.stringContaining('until 14:05 UTC'),
    });
    expect(nextStep(shown, true)).toBeNull();
    expect(nextStep(shown, false)).toBeNull();
    expect(transition(transition(shown, { type: 'confirmed' }), { type: 'old_revoked' }).state).toBe('completed');
    for (const [event, cause] of [
      ['discarded', 'discarded'],
      ['confirm_expired', 'not_confirmed'],
    ] as const) {
      const undone = transition(shown, { type: event });
      expect(undone).toMatchObject({ state: 'rolling_back', rollbackCause: cause });
      expect(describeRotation(transition(undone, { type: 'new_revoked' }))).toMatchObject({
        status: 'failed',
        oldToken: 'active',
        newToken: 'revoked',
      });
    }
  });

  it('create fails: nothing changed, clear error', () => {
    const s = run({ type: 'create_failed', error: 'QUOTA_EXCEEDED: 600 tokens' });
    expect(describeRotation(s)).toMatchObject({ status: 'failed', oldToken: 'active', newToken: 'none', retry: null });
    expect(describeRotation(s).message).toBe(
      'Rotation failed (QUOTA_EXCEEDED: 600 tokens). No new token exists and the old token is unchanged.',
    );
  });

  it('create times out and the token exists: found by marker, revoked, old untouched', () => {
    const s = run(
      { type: 'create_unknown', error: 'timed out after 10 s' },
      { type: 'reconciled', foundTokenId: 'orphan', settled: false },
    );
    expect(s).toMatchObject({ state: 'rolling_back', newTokenId: 'orphan', rollbackCause: 'orphan_after_timeout' });
    expect(nextStep(s, true)).toBe('revoke_new');
    const done = transition(s, { type: 'new_revoked' });
    expect(describeRotation(done)).toMatchObject({ status: 'failed', newToken: 'revoked', oldToken: 'active' });
    expect(describeRotation(done).message).toMatch(/found by its rotation marker and revoked/);
  });

  it('create times out and no token shows up: keeps looking through the settle window, then fails with nothing to clean up', () => {
    const early = run({ type: 'create_unknown', error: 'timed out' }, { type: 'reconciled', foundTokenId: null, settled: false });
    expect(describeRotation(early)).toMatchObject({ status: 'verifying', newToken: 'unknown' });
    expect(nextStep(early, false)).toBe('reconcile');
    const s = transition(early, { type: 'reconciled', foundTokenId: null, settled: true });
    expect(describeRotation(s)).toMatchObject({ status: 'failed', newToken: 'none' });
  });

  it('create times out and the check keeps failing: after the settle window it waits for the admin to retry the check', () => {
    const s = run(
      { type: 'create_unknown', error: 'timed out' },
      { type: 'reconcile_failed', error: 'HTTP 503', settled: false },
      { type: 'reconcile_failed', error: 'HTTP 503', settled: true },
    );
    expect(describeRotation(s)).toMatchObject({ status: 'needs_attention', newToken: 'unknown', retry: 'reconcile' });
    expect(nextStep(transition(s, { type: 'retry' }), true)).toBe('reconcile');
  });

  it('revoke of the old token fails: rotated, old token still active, retry the revoke', () => {
    const s = run(
      { type: 'created', tokenId: 'n' },
      { type: 'delivery_started' },
      { type: 'delivered' },
      { type: 'old_revoke_failed', error: 'HTTP 500' },
    );
    const o = describeRotation(s);
    expect(o).toMatchObject({ status: 'partial', oldToken: 'active', newToken: 'active', retry: 'revoke_old' });
    expect(o.message).toMatch(/^Rotated, old token still active/);
    const retried = transition(transition(s, { type: 'retry' }), { type: 'old_revoked' });
    expect(retried.state).toBe('completed');
  });

  it('secret write fails: the new token is revoked again and the old kept', () => {
    const s = run(
      { type: 'created', tokenId: 'n' },
      { type: 'delivery_started' },
      { type: 'delivery_failed', error: 'scope ci does not exist' },
    );
    expect(nextStep(s, true)).toBe('revoke_new');
    const done = transition(s, { type: 'new_revoked' });
    expect(describeRotation(done)).toMatchObject({ status: 'failed', oldToken: 'active', newToken: 'revoked' });
    expect(describeRotation(done).message).toMatch(
      /could not be written to the secret \(scope ci does not exist\), so it was revoked again/,
    );
  });

  it('secret write fails and the rollback fails too: needs a retry of the revoke of the new token', () => {
    const s = run(
      { type: 'created', tokenId: 'n' },
      { type: 'delivery_started' },
      { type: 'delivery_failed', error: 'x' },
      { type: 'new_revoke_failed', error: 'HTTP 503' },
    );
    expect(describeRotation(s)).toMatchObject({ status: 'needs_attention', retry: 'revoke_new', newToken: 'active' });
  });

  it('secret write outcome unknown: checked through the settle window, then finished or undone', () => {
    const unknown = run({ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivery_unknown', error: 'timed out' });
    expect(nextStep(unknown, true)).toBe('check_delivery');
    expect(describeRotation(unknown).status).toBe('verifying');
    expect(transition(unknown, { type: 'delivery_checked', written: true, settled: false }).state).toBe('delivered');
    expect(transition(unknown, { type: 'delivery_checked', written: false, settled: false })).toEqual(unknown);
    expect(transition(unknown, { type: 'delivery_checked', written: false, settled: true })).toMatchObject({
      state: 'rolling_back',
      rollbackCause: 'delivery_not_written',
    });
    expect(transition(unknown, { type: 'delivery_check_failed', error: 'HTTP 503', settled: false }).state).toBe('delivery_unknown');
    const unresolved = transition(unknown, { type: 'delivery_check_failed', error: 'HTTP 503', settled: true });
    expect(describeRotation(unresolved)).toMatchObject({
      status: 'needs_attention',
      retry: 'check_delivery',
      oldToken: 'active',
      newToken: 'active',
    });
  });
});

describe('crash recovery (not live)', () => {
  const recover = (s: RotationSnapshot) => (nextStep(s, false) === 'interrupt' ? transition(s, { type: 'interrupted' }) : s);
  const cases: Array<[string, RotationEvent[], RotationState, ReturnType<typeof nextStep>]> = [
    ['intent: the create may have been sent, so reconcile', [], 'create_unknown', 'reconcile'],
    ['created: the value is lost, so revoke the new token', [{ type: 'created', tokenId: 'n' }], 'rolling_back', 'revoke_new'],
    [
      'delivering: the write may have been sent, so check the secret instead of revoking',
      [{ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }],
      'delivery_unknown',
      'check_delivery',
    ],
    [
      'awaiting confirmation: the admin may hold the value, so keep waiting for them (or the deadline)',
      [{ type: 'created', tokenId: 'n' }, { type: 'revealed' }],
      'awaiting_confirmation',
      null,
    ],
    [
      'delivered: the new token is safely delivered, so finish by revoking the old one',
      [{ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivered' }],
      'delivered',
      'revoke_old',
    ],
    ['create unknown: reconcile', [{ type: 'create_unknown', error: 't' }], 'create_unknown', 'reconcile'],
    [
      'delivery unknown: check the secret',
      [{ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivery_unknown', error: 't' }],
      'delivery_unknown',
      'check_delivery',
    ],
    [
      'rolling back: finish revoking',
      [{ type: 'created', tokenId: 'n' }, { type: 'delivery_started' }, { type: 'delivery_failed', error: 'x' }],
      'rolling_back',
      'revoke_new',
    ],
  ];
  it.each(cases)('%s', (_name, events, state, step) => {
    const s = recover(run(...events));
    expect(s.state).toBe(state);
    expect(nextStep(s, false)).toBe(step);
  });

  it('never asks for create, deliver or the secret write without a live request (they need the value)', () => {
    const liveOnly = new Set(['create', 'deliver', 'write_secret']);
    for (const s of snapshots) expect(liveOnly.has(String(nextStep(s, false)))).toBe(false);
  });

  it('leaves waiting and terminal states alone', () => {
    for (const s of snapshots.filter((x) => WAITING_STATES.has(x.state) || TERMINAL_STATES.has(x.state)))
      expect(nextStep(s, false)).toBeNull();
  });
});

describe('describeRotation', () => {
  it('has a status, message and token picture for every state', () => {
    const statuses = new Set<string>();
    for (const state of ROTATION_STATES) {
      const o = describeRotation({ ...INITIAL_ROTATION, state, newTokenId: 'n' });
      statuses.add(o.status);
      expect(o.message.length).toBeGreaterThan(10);
    }
    expect(statuses).toEqual(new Set(ROTATION_STATUSES));
  });

  it('covers every event type in the table', () => {
    const types: RotationEventType[] = EVENT_TYPES;
    for (const t of types) expect(ROTATION_STATES.some((s) => canTransition(s, t))).toBe(true);
  });
});
