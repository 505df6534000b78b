// How the code-scan screen words its figures: plurals right, "0 findings" never without how much was scanned.
import { UNREADABLE_LABELS, UNREADABLE_REASONS, type Coverage, type ScanProgress, type ScanRun } from '@/lib/code-scan/contract';

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "3 min ago", "2 h ago", "5 d ago" — and the ISO time for a title. */
export function ago(iso: string, now: number): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export function duration(run: Pick<ScanRun, 'startedAt' | 'finishedAt'>, now: number): string {
  const ms = (run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt);
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The reasons objects could not be read, in words: "1 too large to export (over 10 MB), 3 not exportable as text". */
export function unreadableParts(counts: Coverage['unreadable']): string[] {
  return UNREADABLE_REASONS.filter((r) => counts[r] > 0).map((r) => `${counts[r].toLocaleString('en-US')} ${UNREADABLE_LABELS[r]}`);
}

/** One sentence of coverage, the figure a "no findings" result must be read with. */
export function coverageSentence(c: Coverage): string {
  const parts = [`${plural(c.objects, 'object')} known`, `${c.scanned.toLocaleString('en-US')} scanned`];
  if (c.unreadableTotal > 0)
    parts.push(`${c.unreadableTotal.toLocaleString('en-US')} could not be read (${unreadableParts(c.unreadable).join(', ')})`);
  else parts.push('none unreadable');
  if (c.stale > 0) parts.push(`${c.stale.toLocaleString('en-US')} not seen by the last scan`);
  return `${parts.join(', ')}.`;
}

export const PHASE_LABELS: Record<ScanProgress['phase'], string> = {
  listing: 'Listing folders and reading what changed',
  checking: 'Checking objects that were not seen',
  owners: 'Looking up owners',
  done: 'Finishing',
};

/** Share of the listed objects dealt with so far, 0–1 (the total grows while folders are still being listed). */
export function progressFraction(p: ScanProgress): number {
  if (p.phase !== 'listing') return 1;
  return p.listed === 0 ? 0 : Math.min(1, (p.scanned + p.skipped + p.failed) / p.listed);
}

export function progressCounts(p: ScanProgress): Array<{ label: string; value: number }> {
  return [
    { label: 'listed', value: p.listed },
    { label: 'scanned', value: p.scanned },
    { label: 'unchanged, skipped', value: p.skipped },
    { label: 'could not be read', value: p.failed },
  ];
}

/** What a finished run did, in one line. */
export function runSummary(run: ScanRun): string {
  const p = run.progress;
  const read = `${plural(p.scanned, 'object')} read, ${p.skipped.toLocaleString('en-US')} unchanged`;
  const failed = p.failed > 0 ? `, ${p.failed.toLocaleString('en-US')} could not be read` : '';
  const hidden = p.hiddenFolders + p.unlistedFolders > 0 ? `, ${plural(p.hiddenFolders + p.unlistedFolders, 'folder')} not listed` : '';
  return `${read}${failed}${hidden}`;
}

/** A path that may wrap only after a slash, never inside a name. */
export function pathSegments(path: string): string[] {
  return path.split(/(?<=\/)/);
}
