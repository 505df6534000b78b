import { describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { figure, notCollected } from './figures';
import { reportCsv } from './csv';

const week = { from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };

const report: Report = {
  id: 'r1',
  week: '2026-W48',
  version: 2,
  generatedAt: '2026-12-04T21:47:00.000Z',
  generatedBy: 'alex.morgan@harborpine.com',
  trigger: 'on_demand',
  timeZone: 'UTC',
  window: { from: week.from.toISOString(), to: week.to.toISOString() },
  previousWindow: { from: '2026-11-16T00:00:00.000Z', to: week.from.toISOString() },
  actingAs: 'sp',
  queryVersions: {},
  figures: [
    figure('failed_signins', week, { value: 278, previous: 336 }),
    figure('secret_reads', week, { error: 'the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy' }),
    notCollected('posture_score', 'posture not built yet'),
  ],
  sentences: [],
  notable: [{ kind: 'admin_grant', time: '2026-11-29T19:44:00.000Z', title: 'Made an admin', detail: '=cmd|calc', actor: 'a@x.com' }],
  actors: [{ actor: 'a@x.com', events: 10, changes: 2, failed: 1 }],
  deliveries: [],
};

describe('a report as CSV', () => {
  it('has each figure with both weeks and the change, a missing one empty with its reason, then notable events and actors', () => {
    const lines = reportCsv(report).split('\r\n');
    expect(lines).toContain('failed_signins,Failed sign-ins,278,336,-58,ok,');
    expect(lines).toContain('secret_reads,Secret reads,,,,missing,the SQL warehouse answered TEMPORARILY_UNAVAILABLE: busy');
    expect(lines).toContain('posture_score,Posture score,,,,not_collected,posture not built yet');
    // A spreadsheet never runs a cell as a formula.
    expect(lines).toContain("admin_grant,2026-11-29T19:44:00.000Z,Made an admin,'=cmd|calc,a@x.com");
    expect(lines).toContain('a@x.com,10,2,1');
  });
});
