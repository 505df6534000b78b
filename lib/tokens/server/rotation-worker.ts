// Finishes rotations nobody is driving: a settling check that is due, a confirmation deadline that has passed, work cut
// off by a crash. It acts as the background identity (the service principal; in user mode only when one is
// configured) and records its steps as 'brickwatch' with the role 'system'. Without a background identity, rotations
// wait visibly for an admin's retry instead.
import 'server-only';
import type { ActionContext } from '@/lib/activity/server/record';
import { getConfig } from '@/lib/config';
import { getBackgroundWorkspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { instanceId, isDeadLocalInstance, processSingleton } from '@/lib/singleton';
import { getDb } from '@/lib/store/db';
import { claimRotation, isLeased, listOpenRotations, type JournalEntry } from '@/lib/store/rotation-journal';
import { CONFIRMING_STATES, SETTLING_STATES, WAITING_STATES } from '@/lib/tokens/rules/rotation-machine';
import { checkEveryMs, drive, type RotationContext } from './rotation-driver';

/** Whether the row has work the worker may do now. */
function due(e: JournalEntry, now: number): boolean {
  if (WAITING_STATES.has(e.state)) return false;
  if (CONFIRMING_STATES.has(e.state)) return e.deadline !== null && now >= e.deadline;
  if (SETTLING_STATES.has(e.state)) return e.nextCheckAt === null || now >= e.nextCheckAt;
  return true; // interrupted mid-work
}

/** One pass over the journal; returns how many rotations it drove. */
export async function advanceRotations(ctx: RotationContext, now = Date.now()): Promise<number> {
  const db = ctx.db ?? getDb();
  let driven = 0;
  for (const entry of await listOpenRotations(db)) {
    // A holder that died on this host is known to be gone now; elsewhere its heartbeat going stale says so.
    const dead = isDeadLocalInstance(entry.leaseHolder) ? entry.leaseHolder : null;
    if ((isLeased(entry, now) && !dead) || !due(entry, now)) continue;
    if (!(await claimRotation(db, entry.id, instanceId(), now, dead))) continue;
    await drive(ctx, entry, 'recover', instanceId());
    driven++;
  }
  return driven;
}

/** Starts the background pass in this process (once); a no-op without a background identity. */
export function startRotationWorker(): void {
  processSingleton('rotation-worker', () => {
    const config = getConfig();
    const ws = getBackgroundWorkspace(config);
    if (!ws) {
      log.info('tokens.rotation_worker_off', { reason: 'no background identity (user mode without DATABRICKS_CLIENT_ID/_SECRET)' });
      return null;
    }
    const ctx: ActionContext = { ws, person: { userName: 'brickwatch', role: 'system' }, requestId: `worker:${instanceId()}` };
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      advanceRotations(ctx)
        .catch((e: unknown) => log.warn('tokens.rotation_worker_failed', { error: e }))
        .finally(() => {
          running = false;
        });
    }, checkEveryMs(config.rotation));
    timer.unref();
    return timer;
  });
}
