// Anchoring the action log: its verified head (seq and keyed hash) is written, on a schedule, into a secret of a
// dedicated scope, where someone with database access alone cannot rewrite it and every write is in Databricks' audit
// log; and it goes into every weekly report. Reading it back shows a log that was truncated, or replaced by an older
// or rebuilt copy, although such a copy verifies on its own. An anchor is only ever moved forward from a log that
// still holds it: a log that lost it keeps the evidence (the old anchor) instead of overwriting it.
import 'server-only';
import { z } from 'zod';
import type { AnchorStatus } from '@/lib/activity/contract';
import { getSecretText, putSecretText } from '@/lib/databricks/api/secrets';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { redactText } from '@/lib/log';
import type { ActionLogKey } from '@/lib/store/action-log-key';
import { checkAnchor, verifyActionLog, type ChainAnchor } from '@/lib/store/action-log-verify';
import type { Db } from '@/lib/store/engine';

/**
 * The secret's key in the anchor scope: one per action log key, so two deployments watching one workspace (staging
 * and production, each with its own store and key) never read each other's head as their own.
 */
export const anchorKeyName = (keyId: string) => `action-log-head-${keyId}`;

export interface AnchorStore {
  scope: string;
  read(): Promise<ChainAnchor | null>;
  write(anchor: ChainAnchor, keyId: string): Promise<void>;
}

const anchorValue = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string(),
});

/** Anchors in a secret of the workspace, read and written as the background identity. */
export function secretAnchors(ws: Workspace, scope: string, keyId: string): AnchorStore {
  const target = { scope, key: anchorKeyName(keyId) };
  return {
    scope,
    async read() {
      const text = await getSecretText(ws.rest, target);
      if (text === null) return null;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      const anchor = anchorValue.safeParse(parsed);
      if (!anchor.success) throw new Error(`the anchor in ${scope}/${target.key} is not one Brickwatch wrote`);
      return anchor.data;
    },
    async write(anchor, keyId) {
      await putSecretText(ws.rest, target, JSON.stringify({ ...anchor, keyId }));
    },
  };
}

export type AnchorResult =
  | { outcome: 'anchored'; anchor: ChainAnchor }
  | { outcome: 'unchanged'; anchor: ChainAnchor }
  | { outcome: 'empty' }
  | { outcome: 'refused'; reason: string };

/** Verifies the whole chain and the anchor already written, then moves the anchor to the head (if it moved). */
export async function anchorChainHead(db: Db, key: ActionLogKey, anchors: AnchorStore, now = new Date()): Promise<AnchorResult> {
  const check = await verifyActionLog(db, key);
  if (!check.ok) return { outcome: 'refused', reason: check.reason };
  if (!check.head) return { outcome: 'empty' };
  const previous = await anchors.read();
  if (previous) {
    const held = await checkAnchor(db, previous);
    if (!held.ok) return { outcome: 'refused', reason: held.reason };
    if (previous.seq === check.head.seq && previous.hash === check.head.hash) return { outcome: 'unchanged', anchor: previous };
  }
  const anchor = { ...check.head, at: now.toISOString() };
  await anchors.write(anchor, key.id);
  return { outcome: 'anchored', anchor };
}

/** What the Activity page shows: the anchor read back, and whether the store still holds it. */
export async function anchorStatus(db: Db, anchors: AnchorStore | null, read: () => Promise<ChainAnchor | null>): Promise<AnchorStatus> {
  if (!anchors)
    return {
      state: 'off',
      reason:
        'Brickwatch has no identity of its own for background work (in user mode, set DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET)',
    };
  let anchor: ChainAnchor | null;
  try {
    anchor = await read();
  } catch (e) {
    return { state: 'unavailable', scope: anchors.scope, reason: redactText(e instanceof Error ? e.message : String(e)) };
  }
  if (!anchor) return { state: 'none', scope: anchors.scope };
  const held = await checkAnchor(db, anchor);
  return held.ok
    ? { state: 'ok', scope: anchors.scope, seq: anchor.seq, at: anchor.at }
    : { state: 'broken', scope: anchors.scope, seq: anchor.seq, at: anchor.at, reason: held.reason };
}

/**
 * For the weekly report (the Reports area puts this in every report, so its webhook copy carries the anchor too): the
 * verified head now, null for an empty log, or why the chain does not verify. Reading a report's head back later is
 * checkAnchor(db, head).
 */
export async function chainHeadForReport(
  db: Db,
  key: ActionLogKey,
  now = new Date(),
): Promise<{ ok: true; head: ChainAnchor | null } | { ok: false; reason: string }> {
  const check = await verifyActionLog(db, key);
  if (!check.ok) return { ok: false, reason: check.reason };
  return { ok: true, head: check.head ? { ...check.head, at: now.toISOString() } : null };
}
