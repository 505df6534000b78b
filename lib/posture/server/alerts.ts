// New high-severity findings, posted to the weekly reports' webhook when one is configured (the same Slack-compatible
// delivery, retries and recorded outcome). Only names and counts go out: evidence labels, never a value.
import 'server-only';
import type { AppConfig } from '@/lib/config';
import { log } from '@/lib/log';
import type { NewFindings } from '@/lib/posture/rules/alerts';
import { count } from '@/lib/plural';
import type { Db } from '@/lib/store/engine';
import { deliverWebhook, type DeliveryOptions } from '@/lib/webhooks/deliver';
import { webhookMessage } from '@/lib/webhooks/message';

const SHOWN_ITEMS = 3;

export function alertLines(found: readonly NewFindings[]): string[] {
  return found.map((f) => {
    const names = f.items.slice(0, SHOWN_ITEMS).map((i) => i.label);
    const more = f.items.length > SHOWN_ITEMS ? ` and ${f.items.length - SHOWN_ITEMS} more` : '';
    return `${f.title}: ${names.join(', ')}${more}`;
  });
}

/** Sends the alert in the background; a snapshot never waits for (or fails on) the receiver. */
export function alertNewFindings(db: Db, config: AppConfig, snapshotId: string, found: readonly NewFindings[], options?: DeliveryOptions) {
  const url = config.reports.webhookUrl;
  if (!url || found.length === 0) return null;
  const items = found.reduce((n, f) => n + f.items.length, 0);
  const message = webhookMessage({
    title: `Brickwatch: ${count(items, 'new high-severity finding')}`,
    lines: alertLines(found),
    link: { url: `${config.auth.url}/`, label: 'Open the posture' },
  });
  const delivery = deliverWebhook(db, `posture-alert:${snapshotId}`, url, message, options);
  delivery.catch((e: unknown) => log.warn('posture.alert_delivery_error', { snapshot: snapshotId, error: e }));
  return delivery;
}
