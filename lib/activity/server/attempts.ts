// Every attempt to act by a signed-in person is one action-log row, refused or failed alike. Areas record what they
// do (recordAction); the route wrapper records the rest — a refusal for role or input, an error no area recorded — and
// needs to know whether the area already did. This request-scoped flag tells it, without threading a context object
// through every handler.
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { processSingleton } from '@/lib/singleton';

interface Attempt {
  recorded: boolean;
}

const scope = processSingleton('attempt-scope', () => new AsyncLocalStorage<Attempt>());

/** Runs one request's handler; `attempt.recorded` says afterwards whether any action-log row was written for it. */
export function inAttempt<T>(attempt: Attempt, run: () => Promise<T>): Promise<T> {
  return scope.run(attempt, run);
}

export function markRecorded(): void {
  const attempt = scope.getStore();
  if (attempt) attempt.recorded = true;
}
