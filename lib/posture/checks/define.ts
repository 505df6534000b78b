// The shape of one check: what it is (meta), how it reads (load, server-side), and how it judges (judge, pure over what
// load returned). The runner times each check out on its own and turns a failed read into "not collected: <why>".
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { Db } from '@/lib/store/engine';
import { DomainError, isDomainError } from '@/lib/errors';
import type { CheckMeta, Evidence, Verdict } from '@/lib/posture/rules/types';
import type { SharedReads } from './shared';

export interface CheckContext {
  ws: Workspace;
  now: number;
  /** Reads several checks need (who the identity is, workspace-conf), made once per evaluation. */
  shared: SharedReads;
  /** The app's store, for checks fed by what an area keeps there (code scan, weekly reports); the process's store when omitted. */
  db?: Db;
}

/** What a judgement may use besides its input: the time, and the workspace URL its links point into. */
export interface JudgeEnv {
  now: number;
  host: string;
}

export interface CheckDefinition {
  meta: CheckMeta;
  evaluate(ctx: CheckContext): Promise<Verdict>;
}

export function defineCheck<I>(
  meta: CheckMeta,
  load: (ctx: CheckContext) => Promise<I>,
  judge: (input: I, env: JudgeEnv) => Verdict,
): CheckDefinition {
  return { meta, evaluate: async (ctx) => judge(await load(ctx), { now: ctx.now, host: ctx.ws.host }) };
}

/** Code the runner maps to "not collected: area not built". */
export const AREA_NOT_BUILT = 'AREA_NOT_BUILT';

/**
 * Thrown by the input function of a check whose Brickwatch area has not landed yet. Never a pass: the check says it
 * was not measured, and which area it waits for.
 */
export function areaNotBuilt(area: string): never {
  throw new AreaNotBuiltError(area);
}

export class AreaNotBuiltError extends DomainError {
  constructor(readonly area: string) {
    super('unavailable', AREA_NOT_BUILT, `Brickwatch's ${area} area is not built yet, so there is nothing to judge this check with`);
  }
}

/** The area a check waits for, or null when `e` is something else. */
export function missingArea(e: unknown): string | null {
  return isDomainError(e) && e.code === AREA_NOT_BUILT && typeof (e as Partial<AreaNotBuiltError>).area === 'string'
    ? (e as AreaNotBuiltError).area
    : null;
}

/** A link into the workspace's own pages. */
export function workspaceUrl(host: string, path: string): string {
  return `${host.replace(/\/+$/, '')}${path}`;
}

export function evidence(key: string, label: string, detail: string, href: string | null = null): Evidence {
  return { key, label, detail, href };
}
