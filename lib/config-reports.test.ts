import { describe, expect, it } from 'vitest';
import { reportsConfig } from './config-reports';

describe('weekly report settings', () => {
  it('defaults to Mondays at 06:00 UTC with no webhook', () => {
    expect(reportsConfig({})).toEqual({ cron: '0 6 * * 1', timeZone: 'UTC', webhookUrl: null });
  });

  it('names the variable of a bad cron expression or time zone', () => {
    expect(() => reportsConfig({ BRICKWATCH_REPORT_CRON: 'every monday' })).toThrow(/BRICKWATCH_REPORT_CRON must be a cron expression/);
    expect(() => reportsConfig({ BRICKWATCH_REPORT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/BRICKWATCH_REPORT_TIME_ZONE must be a time zone/);
  });

  it('takes an https webhook, plain http only to this machine, and never repeats the URL in an error', () => {
    const secret = 'https://hooks.slack.com/services/T0/B0/abcdefSECRET';
    expect(reportsConfig({ BRICKWATCH_REPORT_WEBHOOK_URL: secret }).webhookUrl).toBe(secret);
    expect(reportsConfig({ BRICKWATCH_REPORT_WEBHOOK_URL: 'http://127.0.0.1:9000/hook' }).webhookUrl).toBe('http://127.0.0.1:9000/hook');
    expect(() => reportsConfig({ BRICKWATCH_REPORT_WEBHOOK_URL: 'http://hooks.example.com/abcdefSECRET' })).toThrow(/must use https/);
    try {
      reportsConfig({ BRICKWATCH_REPORT_WEBHOOK_URL: 'not a url abcdefSECRET' });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain('abcdefSECRET');
    }
  });
});
