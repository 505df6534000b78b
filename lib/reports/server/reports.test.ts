// How the Reports page describes the schedule, by identity mode, and what a manager's copy of a report leaves out.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import type { Report } from '../contract';
import { scheduleStatus, withoutAuditLinks } from './reports';

const base = {
  DATABRICKS_HOST: 'dbc-1234.cloud.databricks.com',
  DATABRICKS_WAREHOUSE_ID: 'abc123',
  BRICKWATCH_OAUTH_CLIENT_ID: 'brickwatch-app',
  BRICKWATCH_OAUTH_CLIENT_SECRET: 'app-secret',
  NEXTAUTH_URL: 'https://brickwatch.example.com/',
  NEXTAUTH_SECRET: 'x'.repeat(32),
};
const NOW = new Date('2026-12-04T21:00:00Z');

describe('the schedule as the Reports page shows it', () => {
  it('is off in user mode without a service principal, and says why', () => {
    const config = loadConfig(base, '/srv');
    const s = scheduleStatus(config, getBackgroundWorkspace(config), NOW);
    expect(s).toMatchObject({ on: false, nextRun: null, runsAs: null, webhook: null });
    expect(s.reason).toMatch(/DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET are not set.*Admins can generate a report as themselves/);
  });

  it('runs as the service principal when one is configured, and shows the webhook masked', () => {
    const config = loadConfig(
      {
        ...base,
        DATABRICKS_CLIENT_ID: 'sp-id',
        DATABRICKS_CLIENT_SECRET: 'sp-secret',
        BRICKWATCH_REPORT_TIME_ZONE: 'Europe/Amsterdam',
        BRICKWATCH_REPORT_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/SECRETSECRET',
      },
      '/srv',
    );
    const s = scheduleStatus(config, getBackgroundWorkspace(config), NOW);
    expect(s).toEqual({
      on: true,
      reason: null,
      cron: '0 6 * * 1',
      timeZone: 'Europe/Amsterdam',
      nextRun: '2026-12-07T05:00:00.000Z',
      runsAs: 'sp-id',
      webhook: 'https://hooks.slack.com/…',
    });
  });
});

describe("a manager's copy of a report", () => {
  it('has the figures and sentences but no links into the Audit page', () => {
    const report = {
      figures: [
        {
          key: 'failed_signins',
          label: 'Failed sign-ins',
          group: 'signins',
          value: 3,
          previous: 1,
          status: 'ok',
          link: 'from=x',
          linkNote: 'n',
        },
      ],
      notable: [{ kind: 'admin_grant', time: 't', title: 'Made an admin', detail: 'd', actor: null, link: 'event=e' }],
      sentences: ['3 failed sign-ins, up from 1 the week before.'],
    } as unknown as Report;
    const copy = withoutAuditLinks(report);
    expect(copy.figures[0]).toEqual({
      key: 'failed_signins',
      label: 'Failed sign-ins',
      group: 'signins',
      value: 3,
      previous: 1,
      status: 'ok',
    });
    expect(copy.notable[0]).not.toHaveProperty('link');
    expect(copy.sentences).toEqual(report.sentences);
  });
});
