// Anchors the action log's head on a schedule, as the background identity, once per period across every instance
// that shares the store (the first to claim the period does it). A period whose anchoring failed is given back, so
// the next tick, here or elsewhere, tries again. Without a background identity it is off, and the Activity page says so.
import 'server-only';
import { getConfig } from '@/lib/config';
import { log } from '@/lib/log';
import { instanceId, processSingleton } from '@/lib/singleton';
import type { ActionLogKey } from '@/lib/store/action-log-key';
import { getActionLogKey, getDb } from '@/lib/store/db';
import type { Db } from '@/lib/store/engine';
import { claimPeriod, periodOf, releasePeriod } from '@/lib/store/schedule';
import { anchorChainHead, type AnchorResult, type AnchorStore } from './anchor';
import { processAnchors, rememberAnchor } from './chain';

export const ANCHOR_JOB = 'action-log-anchor';

/** One tick: anchors if this instance is the first to claim the current period; null when another one has it. */
export async function anchorIfDue(
  db: Db,
  key: ActionLogKey,
  anchors: AnchorStore,
  everyMs: number,
  now = Date.now(),
): Promise<AnchorResult | null> {
  const period = periodOf(now, everyMs);
  if (!(await claimPeriod(db, ANCHOR_JOB, period, instanceId(), now))) return null;
  try {
    const result = await anchorChainHead(db, key, anchors, new Date(now));
    if (result.outcome === 'anchored') rememberAnchor(result.anchor, now);
    // Nothing to anchor yet: the period stays open, so the first entries are anchored within a tick, not a period.
    if (result.outcome === 'empty') await releasePeriod(db, ANCHOR_JOB, period, instanceId());
    if (result.outcome === 'refused') log.error('activity.anchor_refused', { reason: result.reason });
    return result;
  } catch (e) {
    await releasePeriod(db, ANCHOR_JOB, period, instanceId());
    throw e;
  }
}

/** Starts the schedule in this process (once); a no-op without a background identity. */
export function startAnchorWorker(): void {
  processSingleton('anchor-worker', () => {
    const anchors = processAnchors();
    if (!anchors) {
      log.info('activity.anchoring_off', { reason: 'no background identity (user mode without DATABRICKS_CLIENT_ID/_SECRET)' });
      return null;
    }
    const { everyMs } = getConfig().actionLog.anchor;
    let running = false;
    const tick = () => {
      if (running) return;
      running = true;
      anchorIfDue(getDb(), getActionLogKey(), anchors, everyMs)
        .catch((e: unknown) => log.warn('activity.anchor_failed', { error: e }))
        .finally(() => {
          running = false;
        });
    };
    // Often enough that a period is anchored soon after it starts, whichever instance gets there first.
    const timer = setInterval(tick, Math.min(everyMs, 60_000));
    timer.unref();
    tick();
    return timer;
  });
}
