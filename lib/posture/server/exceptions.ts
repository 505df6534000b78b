// Creating, changing and ending exceptions (admins), each attempt in the action log with its outcome. Managers and up
// may list them. The expiry is checked here against today (the schema only checks its form), with the same words the
// dialog shows.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { recordAction, type ActionContext } from '@/lib/activity/server/record';
import { DomainError, isDomainError } from '@/lib/errors';
import { getDb } from '@/lib/store/db';
import {
  createException,
  endException,
  getException,
  listExceptions,
  updateException,
  type StoredException,
} from '@/lib/store/posture-exceptions';
import type { ExceptionBody, ExceptionChangeBody, ExceptionView } from '@/lib/posture/contract';
import { exceptionState, expiryProblem } from '@/lib/posture/rules/exceptions';
import { CHECKS } from '@/lib/posture/checks';

const TITLES = new Map(CHECKS.map((c) => [c.meta.id as string, c.meta.title]));

export function toView({ expiryRecordedAt: _recorded, ...e }: StoredException, now = Date.now()): ExceptionView {
  return { ...e, checkTitle: TITLES.get(e.checkId) ?? null, state: exceptionState(e, now) };
}

export async function listPostureExceptions(now = Date.now()): Promise<ExceptionView[]> {
  return (await listExceptions(getDb())).map((e) => toView(e, now));
}

const target = (id: string) => `posture-exception:${id}`;

function invalidExpiry(problem: string): DomainError {
  return new DomainError('invalid', 'INVALID_EXPIRY', problem, [{ path: 'expiresOn', message: problem }]);
}

/** Records a refusal or failure the area decided, then throws it. */
async function refuse(ctx: ActionContext, action: string, tgt: string, e: DomainError, detail: Record<string, unknown>): Promise<never> {
  await recordAction(ctx, action, tgt, 'failure', { ...detail, refused: e.code, reason: e.message });
  throw e;
}

export async function createPostureException(ctx: ActionContext, body: ExceptionBody, now = Date.now()): Promise<ExceptionView> {
  const db = ctx.db ?? getDb();
  const action = 'posture.exception.create';
  const detail = {
    checkId: body.checkId,
    evidenceKey: body.evidenceKey ?? null,
    owner: body.owner,
    expiresOn: body.expiresOn,
    reason: body.reason,
  };
  const problem = expiryProblem(body.expiresOn, now);
  if (problem) return refuse(ctx, action, `posture-check:${body.checkId}`, invalidExpiry(problem), detail);
  const id = randomUUID();
  try {
    const res = await createException(
      db,
      {
        id,
        checkId: body.checkId,
        evidenceKey: body.evidenceKey ?? null,
        reason: body.reason,
        owner: body.owner,
        expiresOn: body.expiresOn,
        createdBy: ctx.person.userName,
        createdAt: now,
      },
      now,
    );
    if (!res.created) {
      const what = body.evidenceKey ? 'this finding' : 'this check';
      return refuse(
        ctx,
        action,
        target(res.existing.id),
        new DomainError(
          'conflict',
          'EXCEPTION_EXISTS',
          `An exception for ${what} is already active until ${res.existing.expiresOn} (owner ${res.existing.owner}); change or end that one instead.`,
        ),
        detail,
      );
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    await recordAction(ctx, action, target(id), 'failure', { ...detail, error: 'the store could not save it' });
    throw e;
  }
  await recordAction(ctx, action, target(id), 'success', detail);
  return toView((await getException(db, id))!, now);
}

async function load(ctx: ActionContext, id: string, action: string, detail: Record<string, unknown>): Promise<StoredException> {
  const existing = await getException(ctx.db ?? getDb(), id);
  if (!existing)
    return refuse(ctx, action, target(id), new DomainError('not_found', 'EXCEPTION_NOT_FOUND', 'There is no such exception.'), detail);
  if (existing.endedAt !== null)
    return refuse(
      ctx,
      action,
      target(id),
      new DomainError(
        'refused',
        'EXCEPTION_ENDED',
        `This exception was ended by ${existing.endedBy ?? 'an admin'}; create a new one instead.`,
      ),
      detail,
    );
  return existing;
}

export async function changePostureException(
  ctx: ActionContext,
  id: string,
  change: ExceptionChangeBody,
  now = Date.now(),
): Promise<ExceptionView> {
  const db = ctx.db ?? getDb();
  const action = 'posture.exception.change';
  const detail: Record<string, unknown> = { ...change };
  const existing = await load(ctx, id, action, detail);
  Object.assign(detail, {
    checkId: existing.checkId,
    evidenceKey: existing.evidenceKey,
    from: { owner: existing.owner, expiresOn: existing.expiresOn },
  });
  if (change.expiresOn !== undefined) {
    const problem = expiryProblem(change.expiresOn, now);
    if (problem) return refuse(ctx, action, target(id), invalidExpiry(problem), detail);
  }
  if (!(await updateException(db, id, change, ctx.person.userName, now)))
    return refuse(ctx, action, target(id), new DomainError('conflict', 'EXCEPTION_ENDED', 'This exception was ended meanwhile.'), detail);
  await recordAction(ctx, action, target(id), 'success', detail);
  return toView((await getException(db, id))!, now);
}

export async function endPostureException(ctx: ActionContext, id: string, now = Date.now()): Promise<ExceptionView> {
  const db = ctx.db ?? getDb();
  const action = 'posture.exception.end';
  const existing = await load(ctx, id, action, {});
  const detail = { checkId: existing.checkId, evidenceKey: existing.evidenceKey, owner: existing.owner, expiresOn: existing.expiresOn };
  if (!(await endException(db, id, ctx.person.userName, now)))
    return refuse(ctx, action, target(id), new DomainError('conflict', 'EXCEPTION_ENDED', 'This exception was ended meanwhile.'), detail);
  await recordAction(ctx, action, target(id), 'success', detail);
  return toView((await getException(db, id))!, now);
}
