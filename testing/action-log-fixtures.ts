// Shared by the action-log tests: one key, and a row's worth of input.
import type { ActionInput } from '../lib/store/action-log';
import { actionLogKey } from '../lib/store/action-log-key';

export const KEY = actionLogKey('action-log-test-key-0123456789abcdef');

export const revoke = (n: number, outcome: ActionInput['outcome'] = 'success'): ActionInput => ({
  actor: 'ann@example.com',
  role: 'admin',
  action: 'tokens.revoke',
  target: `token:${n}`,
  outcome,
  upstreamRequestId: `up-${n}`,
  requestId: `rq-${n}`,
  actingAs: 'sp-1',
});
