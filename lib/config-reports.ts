// Weekly report settings, from the validated environment (lib/config.ts parses it): when the schedule runs (a cron
// expression read in a time zone, which is also the zone the report's ISO weeks are counted in) and where reports are
// delivered. The webhook URL is a secret: it is kept here and only ever shown masked.
import { Cron } from 'croner';
import { ConfigError } from './config-error';

export interface ReportsConfig {
  cron: string;
  timeZone: string;
  webhookUrl: string | null;
}

export interface ReportsEnv {
  BRICKWATCH_REPORT_CRON?: string;
  BRICKWATCH_REPORT_TIME_ZONE?: string;
  BRICKWATCH_REPORT_WEBHOOK_URL?: string;
}

/** Mondays at 06:00 in the report time zone: the week has ended and audit delivery (minutes to hours) has caught up. */
export const DEFAULT_REPORT_CRON = '0 6 * * 1';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function reportsConfig(env: ReportsEnv): ReportsConfig {
  const timeZone = env.BRICKWATCH_REPORT_TIME_ZONE ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ConfigError('BRICKWATCH_REPORT_TIME_ZONE', `must be a time zone name such as UTC or Europe/Amsterdam, not "${timeZone}"`);
  }
  const cron = env.BRICKWATCH_REPORT_CRON ?? DEFAULT_REPORT_CRON;
  try {
    new Cron(cron, { timezone: timeZone, paused: true }).stop();
  } catch (e) {
    throw new ConfigError(
      'BRICKWATCH_REPORT_CRON',
      `must be a cron expression such as "${DEFAULT_REPORT_CRON}" (Mondays at 06:00): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  let webhookUrl: string | null = null;
  if (env.BRICKWATCH_REPORT_WEBHOOK_URL) {
    let url: URL;
    try {
      url = new URL(env.BRICKWATCH_REPORT_WEBHOOK_URL);
    } catch {
      // Never echo the value: it is a secret.
      throw new ConfigError('BRICKWATCH_REPORT_WEBHOOK_URL', 'must be an https:// URL (a Slack incoming webhook, for example)');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
      throw new ConfigError('BRICKWATCH_REPORT_WEBHOOK_URL', 'must use https:// (plain http is allowed only to this machine)');
    }
    webhookUrl = url.toString();
  }
  return { cron, timeZone, webhookUrl };
}
