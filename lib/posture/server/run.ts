// Runs every check in parallel, each with its own timeout, and turns whatever went wrong into that check's
// "not collected: <why>" (with the permission it lacked when Databricks refused). One slow or failing upstream costs
// one check, never the page.
import 'server-only';
import { isDatabricksError } from '@/lib/databricks/errors';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { Db } from '@/lib/store/engine';
import { isForbidden, upstreamReason } from '@/lib/databricks/upstream';
import { isDomainError } from '@/lib/errors';
import { log } from '@/lib/log';
import type { CheckMeta, RawCheckResult, Verdict } from '@/lib/posture/rules/types';
import { CHECKS } from '@/lib/posture/checks';
import { missingArea, workspaceUrl, type CheckDefinition } from '@/lib/posture/checks/define';
import { sharedReads } from '@/lib/posture/checks/shared';

/** Long enough for a cold read of 20,000 tokens and a busy warehouse, short enough that a hang costs one check. */
export const CHECK_TIMEOUT_MS = 15_000;

export interface RunOptions {
  now?: number;
  timeoutMs?: number;
  checks?: readonly CheckDefinition[];
  /** The app's store, for checks fed by what an area keeps there (code scan, weekly reports); the process's store when omitted. */
  db?: Db;
}

class CheckTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Why a check could not be measured, and what Brickwatch would need, from the error its read threw. */
export function notCollected(meta: CheckMeta, e: unknown): Extract<Verdict, { status: 'not_collected' }> {
  const permissions = [...new Set(meta.reads.map((r) => r.permission))].join('; ');
  if (e instanceof CheckTimeout)
    return { status: 'not_collected', reason: `Databricks gave no answer within ${e.ms / 1000} s.`, needs: null, notes: [] };
  const area = missingArea(e);
  if (area !== null)
    return {
      status: 'not_collected',
      reason: `${(e as Error).message}.`,
      // What the area will need in turn, so an install can be granted it before the area lands.
      needs: `Brickwatch's ${area} area (not built yet)${/^None\b/.test(permissions) ? '' : `; then ${permissions}`}`,
      notes: [],
    };
  if (isForbidden(e))
    return { status: 'not_collected', reason: `Databricks refused: ${upstreamReason(e)}.`, needs: permissions, notes: [] };
  if (isDatabricksError(e) && e.errorCode === 'TIMEOUT')
    return { status: 'not_collected', reason: `${upstreamReason(e)}.`, needs: null, notes: [] };
  if (isDatabricksError(e) || (isDomainError(e) && e.kind === 'unavailable'))
    return { status: 'not_collected', reason: `${isDomainError(e) ? e.message : upstreamReason(e)}.`, needs: null, notes: [] };
  return { status: 'not_collected', reason: 'An unexpected error stopped this check (see the server log).', needs: null, notes: [] };
}

function withLinks(meta: CheckMeta, host: string): CheckMeta {
  return meta.fix.external ? { ...meta, fix: { ...meta.fix, href: workspaceUrl(host, meta.fix.href) } } : meta;
}

/** Every check, as `ws`, in parallel. Never throws: a check that cannot run says so in its result. */
export async function runChecks(ws: Workspace, opts: RunOptions = {}): Promise<RawCheckResult[]> {
  const now = opts.now ?? Date.now();
  const timeoutMs = opts.timeoutMs ?? CHECK_TIMEOUT_MS;
  const ctx = { ws, now, shared: sharedReads(ws), db: opts.db };
  return Promise.all(
    (opts.checks ?? CHECKS).map(async (check): Promise<RawCheckResult> => {
      const started = Date.now();
      const meta = withLinks(check.meta, ws.host);
      let verdict: Verdict;
      try {
        verdict = await withTimeout(check.evaluate(ctx), timeoutMs);
      } catch (e) {
        verdict = notCollected(meta, e);
        if (verdict.reason.startsWith('An unexpected error'))
          log.error('posture.check_failed', { check: meta.id, error: e, stack: e instanceof Error ? e.stack : undefined });
        // A check waiting for its area is not news on every evaluation; an upstream that failed is.
        else if (missingArea(e) === null) log.info('posture.check_not_collected', { check: meta.id, reason: verdict.reason });
      }
      return { ...meta, ...verdict, durationMs: Date.now() - started };
    }),
  );
}
