// The plain sentences that open a report, generated from its figures and nothing else: each says a count, how it
// compares with the week before, and names a figure that could not be counted instead of guessing at it.
import type { Figure } from '../contract';
import { PERMISSION_KIND_PREFIX } from './figures';

const fmt = new Intl.NumberFormat('en-US');

export function count(n: number, one: string, many: string = `${one}s`): string {
  return `${fmt.format(n)} ${n === 1 ? one : many}`;
}

/** "up from 9", "down from 12", "the same as the week before", or nothing when the week before is unknown. */
export function comparison(value: number, previous: number | null): string {
  if (previous === null) return '';
  if (value === previous) return 'the same as the week before';
  return `${value > previous ? 'up' : 'down'} from ${fmt.format(previous)} the week before`;
}

function withComparison(text: string, f: Figure): string {
  const c = comparison(f.value!, f.previous);
  return c ? `${text}, ${c}` : text;
}

function missingSentence(f: Figure): string {
  const why = f.reason ? `: ${f.reason}` : '';
  return f.status === 'not_collected' ? `${f.label} was not collected${why}.` : `${f.label} could not be counted this time${why}.`;
}

type Lookup = (key: string) => Figure | undefined;

const ok = (f: Figure | undefined): f is Figure & { value: number } => f !== undefined && f.status === 'ok' && f.value !== null;

function permissions(get: Lookup, all: readonly Figure[]): string[] {
  const total = get('permission_changes');
  if (!ok(total)) return total ? [missingSentence(total)] : [];
  if (total.value === 0) return [withComparison('No permissions were changed', total) + '.'];
  const kinds = all
    .filter((f) => f.key.startsWith(PERMISSION_KIND_PREFIX) && ok(f) && f.value! > 0)
    .sort((a, b) => b.value! - a.value! || a.label.localeCompare(b.label))
    .slice(0, 3)
    .map((f) => `${f.label}: ${fmt.format(f.value!)}`);
  const most = kinds.length ? ` (${kinds.join('; ')})` : '';
  return [withComparison(`${count(total.value, 'permission change')}${most}`, total) + '.'];
}

function admins(get: Lookup): string[] {
  const f = get('admin_membership_changes');
  if (!ok(f)) return f ? [missingSentence(f)] : [];
  if (f.value === 0) return ['Nobody was added to or removed from the admins group.'];
  return [`The admins group changed ${f.value === 1 ? 'once' : `${fmt.format(f.value)} times`}; see the notable events below.`];
}

function signins(get: Lookup): string[] {
  const failed = get('failed_signins');
  if (!ok(failed)) return failed ? [missingSentence(failed)] : [];
  const out: string[] = [];
  const ips = get('failing_ips');
  const from = ok(ips) && failed.value > 0 ? ` from ${count(ips.value, 'address', 'addresses')}` : '';
  out.push(withComparison(`${count(failed.value, 'failed sign-in')}${from}`, failed) + '.');
  if (ips && !ok(ips)) out.push(missingSentence(ips));
  const spikes = get('signin_spikes');
  if (ok(spikes)) {
    if (spikes.value > 0) out.push(`Failed sign-ins spiked in ${count(spikes.value, 'hour')}; the notable events say when.`);
  } else if (spikes) out.push(missingSentence(spikes));
  return out;
}

function tokens(get: Lookup): string[] {
  const created = get('tokens_created');
  const revoked = get('tokens_revoked');
  const noExpiry = get('tokens_without_expiry');
  const expiring = get('tokens_expiring_next_week');
  const out: string[] = [];
  const parts: string[] = [];
  if (ok(created)) {
    const without = ok(noExpiry) && noExpiry.value > 0 ? ` (${fmt.format(noExpiry.value)} without an expiry)` : '';
    parts.push(`${count(created.value, 'token')} ${created.value === 1 ? 'was' : 'were'} created${without}`);
  }
  if (ok(revoked)) parts.push(`${fmt.format(revoked.value)} revoked`);
  if (parts.length) out.push(`${parts.join(' and ')}.`.replace(/^./, (c) => c.toUpperCase()));
  if (ok(expiring)) {
    // Counted from creations in the audit log, which keeps a year: the sentence says so rather than "no token".
    const seen = 'created within the audit log’s year';
    out.push(
      expiring.value === 0
        ? `No token ${seen} expires next week.`
        : `${count(expiring.value, 'token')} ${seen} ${expiring.value === 1 ? 'expires' : 'expire'} next week: ${expiring.value === 1 ? 'its owner' : 'their owners'} should rotate ${expiring.value === 1 ? 'it' : 'them'} before then.`,
    );
  }
  for (const f of [created, revoked, noExpiry, expiring]) if (f && !ok(f)) out.push(missingSentence(f));
  return out;
}

function secrets(get: Lookup): string[] {
  const reads = get('secret_reads');
  const changes = get('secret_changes');
  const out: string[] = [];
  if (ok(reads)) out.push(withComparison(`Secrets were read ${count(reads.value, 'time')}`, reads) + '.');
  else if (reads) out.push(missingSentence(reads));
  if (ok(changes)) {
    out.push(
      changes.value === 0 ? 'No secret, scope or secret permission was changed.' : `${count(changes.value, 'secret or scope change')}.`,
    );
  } else if (changes) out.push(missingSentence(changes));
  return out;
}

function posture(get: Lookup): string[] {
  const score = get('posture_score');
  if (!score) return [];
  if (ok(score)) {
    const coverage = get('posture_coverage');
    const cov = ok(coverage) ? ` with ${fmt.format(coverage.value)}% coverage` : '';
    return [withComparison(`The posture score is ${fmt.format(score.value)}${cov}`, score) + '.'];
  }
  return [missingSentence(score)];
}

/** The report's summary, in a fixed order: permissions and admins, sign-ins, tokens, secrets, posture. */
export function summarySentences(figures: readonly Figure[]): string[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const get: Lookup = (key) => byKey.get(key);
  return [...permissions(get, figures), ...admins(get), ...signins(get), ...tokens(get), ...secrets(get), ...posture(get)];
}
