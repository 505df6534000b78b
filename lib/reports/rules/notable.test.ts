import { describe, expect, it } from 'vitest';
import { notableEvents, type CandidateEvent } from './notable';

const week = { from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };
let n = 0;
const ev = (service: string, action: string, params: Record<string, string>, time = '2026-11-25T10:00:00Z'): CandidateEvent => ({
  micros: Date.parse(time) * 1000,
  eventId: `e${++n}`,
  time: new Date(time),
  service,
  action,
  actor: 'alex.morgan@harborpine.com',
  params,
});

describe('notable events', () => {
  it('ranks what can do most harm first and keeps ten', () => {
    const candidates = [
      ev('secrets', 'putAcl', { scope: 'etl', principal: 'data-eng', permission: 'READ' }),
      ev('accounts', 'generateDbToken', { tokenHash: 'abc123def456abc' }),
      ev('unityCatalog', 'updatePermissions', {
        securable_type: 'catalog',
        securable_full_name: 'sandbox',
        changes: JSON.stringify([{ principal: 'users', add: ['MANAGE'] }]),
      }),
      ev('accounts', 'setAdmin', { targetUserName: 'jordan.lee@harborpine.com', targetGroupName: 'admins' }),
      ev('unityCatalog', 'updatePermissions', {
        securable_type: 'table',
        securable_full_name: 'main.sales.orders',
        changes: JSON.stringify([{ principal: 'analytics', add: ['SELECT'] }]),
      }),
      ...Array.from({ length: 12 }, (_, i) =>
        ev(
          'workspace',
          'workspaceConfEdit',
          { workspaceConfKeys: 'enableVerboseAuditLogs', workspaceConfValues: 'false' },
          `2026-11-2${i % 7}T0${i % 10}:00:00Z`,
        ),
      ),
    ];
    const notable = notableEvents(week, {
      candidates,
      spikes: [{ at: new Date('2026-11-26T03:00:00Z'), count: 140, baseline: 2 }],
      bulkRevocations: [{ actor: 'priya.shah@harborpine.com', hour: new Date('2026-11-27T15:00:00Z'), tokens: 12 }],
    });
    expect(notable).toHaveLength(10);
    expect(notable.slice(0, 4).map((e) => e.kind)).toEqual(['broad_grant', 'admin_grant', 'signin_spike', 'bulk_revocation']);
    expect(notable[0]).toMatchObject({ title: 'Everyone given powerful rights', detail: 'catalog sandbox: grant MANAGE to users' });
    expect(notable[2]!.detail).toBe('140 failed sign-ins in one hour against a typical 2 per hour');
    expect(notable[3]!.detail).toBe('12 tokens revoked within an hour');
    // An ordinary SELECT grant is not notable at all.
    expect(notable.some((e) => e.detail.includes('main.sales.orders'))).toBe(false);
  });

  it('links each event to the Audit page with the event open', () => {
    const [e] = notableEvents(week, {
      candidates: [ev('accounts', 'setAdmin', { targetUserName: 'x@harborpine.com' })],
      spikes: [],
      bulkRevocations: [],
    });
    const link = new URLSearchParams(e!.link!);
    expect(link.get('service')).toBe('accounts');
    expect(link.get('action')).toBe('setAdmin');
    expect(link.get('from')).toBe('2026-11-23T00:00:00.000Z');
    expect(link.get('event')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('leaves out a token created with an expiry', () => {
    const notable = notableEvents(week, {
      candidates: [ev('accounts', 'generateDbToken', { tokenHash: 'h', tokenExpirationTime: String(Date.parse('2027-01-01')) })],
      spikes: [],
      bulkRevocations: [],
    });
    expect(notable).toEqual([]);
  });
});
