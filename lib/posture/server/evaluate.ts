// The posture as a person sees it: the checks' raw results (cached briefly per identity and shared by every viewer of
// that identity; in user mode nothing computed as one person is shown to another), with the exceptions in the store
// applied on every view, so accepting or ending one shows at once. Exceptions that ran out since the last look are
// written to the action log once, by whichever instance sees it first.
import 'server-only';
import { recordAction } from '@/lib/activity/server/record';
import type { Workspace } from '@/lib/databricks/get-workspace';
import { log } from '@/lib/log';
import { cachedRead, invalidateReads } from '@/lib/read-cache';
import { getDb } from '@/lib/store/db';
import type { ActionLogKey } from '@/lib/store/action-log-key';
import type { Db } from '@/lib/store/engine';
import { claimExpiryRecord, listExceptions, releaseExpiryRecord, type StoredException } from '@/lib/store/posture-exceptions';
import { invalidateTokenReads } from '@/lib/tokens/server/cache';
import { invalidateGrantsReads } from '@/lib/grants/server/read';
import { refreshAll } from '@/lib/secrets/server/cache';
import type { Posture } from '@/lib/posture/contract';
import { applyExceptions, exceptionState } from '@/lib/posture/rules/exceptions';
import { scorePosture } from '@/lib/posture/rules/score';
import type { RawCheckResult } from '@/lib/posture/rules/types';
import { AUDIT_REACH_READ } from '@/lib/posture/checks/audit-logs';
import { COMPUTE_READS } from '@/lib/posture/checks/cluster-policies';
import { IP_LISTS_READ } from '@/lib/posture/checks/ip-access-lists';
import { JOBS_READ } from '@/lib/jobs/server/load';
import { CONF_READ } from '@/lib/posture/checks/shared';
import { runChecks, type RunOptions } from './run';

/**
 * A minute fresh; after that a view is answered at once from the previous results while the checks run again in the
 * background (up to ten minutes old). An admin's "Evaluate now" always reads afresh.
 */
export const RESULTS_READ = { key: 'posture.results', ttlMs: 60_000, staleMs: 600_000 };

export interface Evaluation {
  view: Posture;
  raw: RawCheckResult[];
  exceptions: StoredException[];
}

export interface EvaluateOptions {
  /** Read everything afresh for this identity (an admin's evaluation). */
  fresh?: boolean;
  now?: number;
  db?: Db;
  /** The action log's key for expiry records; the configured one when omitted. */
  logKey?: ActionLogKey;
  run?: RunOptions;
}

async function rawResults(ws: Workspace, opts: EvaluateOptions): Promise<{ at: number; results: RawCheckResult[] }> {
  if (opts.fresh) {
    // The audit usage aggregate stays: it lags by minutes anyway and is the most expensive read.
    invalidateTokenReads(ws.host, ['tokens', 'directory', 'conf', 'permissions'], ws);
    invalidateReads(
      ws.host,
      [
        RESULTS_READ.key,
        CONF_READ.key,
        JOBS_READ.key,
        IP_LISTS_READ.key,
        COMPUTE_READS.policies.key,
        COMPUTE_READS.clusters.key,
        AUDIT_REACH_READ.key,
        'scim.groups',
      ],
      ws,
    );
    // The areas' reads behind checks 3–6 and 10: this identity's secrets afresh; Unity Catalog reads are kept per
    // workspace generation, so every identity re-reads them once (as after a grant made through Brickwatch).
    refreshAll(ws);
    invalidateGrantsReads(ws.host);
  }
  return cachedRead(ws, RESULTS_READ.key, RESULTS_READ, async () => {
    const at = Date.now();
    return { at, results: await runChecks(ws, { db: opts.db, ...opts.run }) };
  });
}

export async function evaluatePosture(ws: Workspace, opts: EvaluateOptions = {}): Promise<Evaluation> {
  const db = opts.db ?? getDb();
  const [{ at, results }, exceptions] = await Promise.all([rawResults(ws, opts), listExceptions(db)]);
  const now = opts.now ?? Date.now();
  await recordExpiries(ws, db, exceptions, now, opts.logKey);
  const checks = results.map((r) => applyExceptions(r, exceptions, now));
  const { score, coverage, accepted, counts } = scorePosture(checks);
  return {
    view: { score, coverage, accepted, counts, checks, evaluatedAt: at, actingAs: ws.actingAs },
    raw: results,
    exceptions,
  };
}

/** "Exception expired" goes to the action log once per expiry, as the system (nobody acted). */
async function recordExpiries(
  ws: Workspace,
  db: Db,
  exceptions: readonly StoredException[],
  now: number,
  logKey?: ActionLogKey,
): Promise<void> {
  for (const e of exceptions) {
    if (e.expiryRecordedAt !== null || exceptionState(e, now) !== 'expired') continue;
    let claimed = false;
    try {
      if (!(await claimExpiryRecord(db, e.id, now))) continue;
      claimed = true;
      await recordAction(
        { ws, person: { userName: 'brickwatch', role: 'system' }, requestId: `posture:${now}`, db, logKey },
        'posture.exception.expire',
        `posture-exception:${e.id}`,
        'success',
        { checkId: e.checkId, evidenceKey: e.evidenceKey, owner: e.owner, expiresOn: e.expiresOn },
      );
    } catch (err) {
      // The view goes on: the finding is back either way; the record is retried on the next view.
      log.warn('posture.expiry_record_failed', { exception: e.id, error: err });
      // Left claimed, the expiry would never be recorded: say so where an operator looks.
      if (claimed)
        await releaseExpiryRecord(db, e.id).catch((err2: unknown) =>
          log.error('posture.expiry_release_failed', { exception: e.id, error: err2 }),
        );
    }
  }
}
