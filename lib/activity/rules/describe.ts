// An action-log row in words: what was done, to what (a token by its comment and owner, not only `token:<id>`),
// what changed, and why it failed. Pure: the Activity table and its drawer show these; the row itself keeps its data.
import { count } from '@/lib/plural';
import { commentWithoutMarker } from '@/lib/tokens/rules/rotation-rules';

type Detail = Record<string, unknown> | null;

const ACTIONS: Record<string, string> = {
  'tokens.revoke': 'Revoke token',
  'tokens.policy.set': 'Set the maximum token lifetime',
  'tokens.rotate': 'Rotate token',
  'tokens.rotate.create': 'Rotation: create the new token',
  'tokens.rotate.reconcile': 'Rotation: look for the new token',
  'tokens.rotate.deliver': 'Rotation: hand over the new token',
  'tokens.rotate.write_secret': 'Rotation: write the new token to the secret',
  'tokens.rotate.check_delivery': 'Rotation: check the secret',
  'tokens.rotate.revoke_old': 'Rotation: revoke the old token',
  'tokens.rotate.revoke_new': 'Rotation: revoke the unused new token',
  'tokens.rotate.recover': 'Rotation interrupted',
  'tokens.rotate.expire': 'Rotation not confirmed in time',
  'tokens.rotate.retry': 'Retry a rotation',
  'tokens.rotate.confirm': 'Confirm storing a token shown once',
  'tokens.rotate.discard': 'Discard a token shown once',
};

/** The action in words; an action this table does not know yet is shown as recorded. */
export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

const SETTINGS: Record<string, string> = { maxTokenLifetimeDays: 'Maximum token lifetime (workspace setting)' };

export interface TargetLabel {
  /** What people call it ("nightly-etl · Maya Lind"), or null when the row does not say. */
  name: string | null;
  /** The reference as recorded, shortened where it is a long id ("token:8f3a91c2…"). */
  ref: string;
  /** The reference whole, for the drawer and the CSV. */
  full: string;
}

export function describeTarget(target: string, detail: Detail): TargetLabel {
  const colon = target.indexOf(':');
  const kind = colon > 0 ? target.slice(0, colon) : '';
  const id = colon > 0 ? target.slice(colon + 1) : target;
  if (kind === 'token') {
    // A replacement a rotation made carries a marker in its comment: people know the token by the words before it.
    const comment = str(commentWithoutMarker(str(detail?.comment) ?? ''));
    const owner = str(detail?.owner);
    const name = [comment ?? (owner ? 'no comment' : null), owner].filter(Boolean).join(' · ') || null;
    return { name, ref: `token:${shortId(id)}`, full: target };
  }
  if (kind === 'workspace-conf') return { name: SETTINGS[id] ?? `Workspace setting ${id}`, ref: target, full: target };
  return { name: null, ref: target, full: target };
}

const REFUSALS: Record<string, string> = {
  ROTATION_IN_PROGRESS: 'a rotation of this token was in progress',
  ROTATION_AWAITS_CONFIRMATION: 'the rotation waits for the admin who was shown the new token',
  NOT_YOUR_ROTATION: 'only the admin who was shown the new token can confirm storing it',
  CONFIRMATION_EXPIRED: 'too late: the confirmation window had ended',
  NOT_ROTATABLE: 'Databricks does not allow a replacement for this owner',
};

/** Why it failed or was refused, in words; null when the row records no reason. */
export function failureReason(detail: Detail): string | null {
  const refused = str(detail?.refused);
  return str(detail?.reason) ?? str(detail?.error) ?? (refused ? (REFUSALS[refused] ?? refused) : null);
}

const days = (n: number | null) => (n === null ? 'no maximum' : count(n, 'day'));

/** What changed, in words ("90 days → 60 days"); null when the action has nothing to say beyond its target. */
export function describeChange(action: string, detail: Detail): string | null {
  if (action === 'tokens.policy.set' && num(detail?.to) !== null) return `${days(num(detail?.from))} → ${days(num(detail?.to))}`;
  if (action === 'tokens.rotate' || action === 'tokens.rotate.create') {
    const replacement = str(detail?.replacement);
    if (!replacement) return null;
    const lifetime = num(detail?.lifetimeDays);
    const where =
      str(detail?.delivery) === 'secret' && str(detail?.scope) ? `, into secret ${str(detail?.scope)}/${str(detail?.key) ?? '?'}` : '';
    return `New token token:${shortId(replacement)}${lifetime !== null ? ` for ${count(lifetime, 'day')}` : ''}${where}`;
  }
  if (action === 'tokens.revoke' && num(detail?.bulk) !== null) return `One of ${count(num(detail?.bulk)!, 'token')} revoked together`;
  return null;
}

const SHOWN_ELSEWHERE = new Set(['comment', 'owner', 'reason', 'error', 'refused']);

/** Every other recorded detail, as label and text, for the drawer. */
export function otherDetail(detail: Detail): Array<[string, string]> {
  return Object.entries(detail ?? {})
    .filter(([k, v]) => !SHOWN_ELSEWHERE.has(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
}
