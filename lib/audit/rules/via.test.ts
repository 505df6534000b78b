import { describe, expect, it } from 'vitest';
import { matchVia, mayBeBrickwatch, viaSpan, type AuditedCall, type LoggedAction } from './via';

const SP = '8f43b8ae-c89e-4bff-9554-abfbb2f9184b';
const TOKEN = 'a1'.repeat(32);

const row = (over: Partial<LoggedAction> = {}): LoggedAction => ({
  seq: 7,
  at: '2026-12-04T10:00:02.000Z',
  actor: 'alex.morgan@harborpine.com',
  actingAs: SP,
  action: 'tokens.revoke',
  target: `token:${TOKEN}`,
  detail: {},
  ...over,
});
const event = (over: Partial<AuditedCall> = {}): AuditedCall => ({
  time: '2026-12-04T10:00:01.400Z',
  actor: SP,
  service: 'accounts',
  action: 'revokeDbToken',
  params: { tokenHash: TOKEN },
  ...over,
});

describe('which change through Brickwatch caused an audit event', () => {
  it('matches on acting identity, action, object and time, and says so', () => {
    expect(matchVia([event()], [row()]).get(0)).toEqual({
      seq: 7,
      person: 'alex.morgan@harborpine.com',
      basis: 'same acting identity, action and object, 1 s apart',
    });
  });

  it('matches nothing when any one of them differs, and never invents a match', () => {
    expect(matchVia([event({ actor: 'someone-else' })], [row()]).size).toBe(0);
    expect(matchVia([event({ params: { tokenHash: 'b2'.repeat(32) } })], [row()]).size).toBe(0);
    expect(matchVia([event({ action: 'generateDbToken' })], [row()]).size).toBe(0);
    expect(matchVia([event({ time: '2026-12-04T10:00:20.000Z' })], [row()]).size).toBe(0);
    expect(matchVia([event({ actor: null })], [row()]).size).toBe(0);
    expect(matchVia([event()], [row({ action: 'grants.revoke' })]).size).toBe(0);
  });

  it('pairs each row with one event only: the closest in time', () => {
    const events = [event({ time: '2026-12-04T10:00:09.000Z' }), event()];
    const found = matchVia(events, [row()]);
    expect([...found.keys()]).toEqual([1]);
  });

  it('knows rotation steps and policy changes by their own objects', () => {
    const created = row({ action: 'tokens.rotate.create', detail: { replacement: 'c3'.repeat(32) } });
    expect(matchVia([event({ action: 'generateDbToken', params: { tokenHash: 'c3'.repeat(32) } })], [created]).size).toBe(1);
    const written = row({ action: 'tokens.rotate.write_secret', detail: { scope: 'ci', key: 'etl' } });
    expect(matchVia([event({ service: 'secrets', action: 'putSecret', params: { scope: 'ci', key: 'etl' } })], [written]).size).toBe(1);
    const policy = row({ action: 'tokens.policy.set', target: 'workspace-conf:maxTokenLifetimeDays', detail: { from: 90, to: 60 } });
    const edit = (value: string) =>
      event({
        service: 'workspace',
        action: 'workspaceConfEdit',
        params: { workspaceConfKeys: 'maxTokenLifetimeDays', workspaceConfValues: value },
      });
    expect(matchVia([edit('60')], [policy]).size).toBe(1);
    expect(matchVia([edit('61')], [policy]).size).toBe(0);
  });

  it('reads the action log only for events of kinds Brickwatch causes, by the identity it acts as', () => {
    expect(mayBeBrickwatch(event(), SP.toUpperCase())).toBe(true);
    expect(mayBeBrickwatch(event(), 'someone-else')).toBe(false);
    expect(mayBeBrickwatch(event({ action: 'tokenLogin' }), SP)).toBe(false);
  });

  it('reads the action log only around the events', () => {
    expect(viaSpan([])).toBeNull();
    expect(viaSpan([{ time: '2026-12-04T10:00:00.000Z' }, { time: '2026-12-04T11:00:00.000Z' }])).toEqual({
      since: new Date('2026-12-04T09:59:50.000Z'),
      until: new Date('2026-12-04T11:00:10.000Z'),
    });
  });
});
