// What the code-scan screen reads: the scan status (running, newest finished, newest completed, the schedule) and the
// findings with their owners, coverage and the objects that could not be read. Both come from the store, written by
// the scans; the directory is read (per viewer identity, cached) only to put display names and status on owners.
import 'server-only';
import { DETECTOR_IDS, type DetectorId } from '@/lib/code-scan/rules/detectors';
import {
  LINE_CONTEXTS,
  progressSchema,
  type Coverage,
  type Finding,
  type FindingOwner,
  type FindingsResponse,
  type ScanProgress,
  type ScanRun,
  type ScanSchedule,
  type StatusResponse,
} from '@/lib/code-scan/contract';
import type { AppConfig } from '@/lib/config';
import { getBackgroundWorkspace, type Workspace } from '@/lib/databricks/get-workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import { loadPrincipals } from '@/lib/principals/server/load';
import type { PrincipalIndex } from '@/lib/principals/rules';
import { isDeadLocalInstance } from '@/lib/singleton';
import { coverageCounts, listFindings, listUnreadable, type CoverageCounts, type FindingRow } from '@/lib/store/code-scan';
import { closeStaleRun, latestRuns, runningRun, type StoredRun } from '@/lib/store/code-scan-runs';
import type { Db } from '@/lib/store/engine';
import { safeParse } from 'zod/mini';
import { emptyProgress } from './walk';

/** The screen lists this many unreadable objects; the coverage counts say how many there are in all. */
export const UNREADABLE_SHOWN = 200;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function progressOf(json: string): ScanProgress {
  try {
    const parsed = safeParse(progressSchema, { ...emptyProgress(), ...(JSON.parse(json) as object) });
    return parsed.success ? parsed.data : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

export function toScanRun(r: StoredRun): ScanRun {
  return {
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    startedBy: r.startedBy,
    actingAs: r.actingAs,
    state: r.state,
    startedAt: iso(r.startedAt)!,
    finishedAt: iso(r.finishedAt),
    cancelRequested: r.cancelRequested,
    progress: progressOf(r.progress),
    error: r.error,
  };
}

/** Whether scans run on a schedule, as whom, or why not. */
export function scheduleOf(config: AppConfig): ScanSchedule {
  const background = getBackgroundWorkspace(config);
  if (!background)
    return {
      state: 'off',
      everyHours: null,
      actingAs: null,
      reason:
        'Scheduled scans need an identity of their own, and none is configured: in user mode, set DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for a service principal. Admins can still start a scan here.',
    };
  if (config.codeScan.everyMs === null)
    return { state: 'off', everyHours: null, actingAs: null, reason: 'Turned off: BRICKWATCH_CODE_SCAN_INTERVAL_HOURS is 0.' };
  return { state: 'on', everyHours: config.codeScan.everyMs / 3_600_000, actingAs: background.actingAs.name, reason: null };
}

export async function statusView(db: Db, config: AppConfig): Promise<StatusResponse> {
  await closeStaleRun(db, Date.now(), isDeadLocalInstance);
  const [running, { latest, completed }] = await Promise.all([runningRun(db), latestRuns(db)]);
  return {
    running: running ? toScanRun(running) : null,
    latest: latest ? toScanRun(latest) : null,
    lastCompleted: completed ? toScanRun(completed) : null,
    schedule: scheduleOf(config),
  };
}

export function toCoverage(c: CoverageCounts): Coverage {
  const unreadableTotal = c.unreadable.permission + c.unreadable.size + c.unreadable.format + c.unreadable.error;
  return { ...c, unreadableTotal };
}

const OWNER_SOURCES = new Set(['audit-log', 'folder', 'none', 'unavailable']);

function ownerOf(r: FindingRow, principals: PrincipalIndex | null): FindingOwner {
  const source = r.ownerSource && OWNER_SOURCES.has(r.ownerSource) ? (r.ownerSource as FindingOwner['source']) : 'pending';
  return {
    source,
    name: r.ownerName,
    principal: r.ownerName && principals ? principals.resolve(r.ownerName) : null,
    note: source === 'pending' ? 'Looked up when the scan that found it completes.' : r.ownerNote,
  };
}

const LANGUAGES = new Set(['PYTHON', 'SQL', 'SCALA', 'R']);

function toFinding(r: FindingRow, principals: PrincipalIndex | null): Finding | null {
  // Rows written by a scanner version whose detector or context this build does not know are left out (re-read soon).
  if (!(DETECTOR_IDS as readonly string[]).includes(r.detector) || !(LINE_CONTEXTS as readonly string[]).includes(r.context)) return null;
  if (r.objectType === 'LIBRARY') return null;
  return {
    id: r.id,
    objectId: r.objectId,
    path: r.path,
    objectType: r.objectType,
    language: r.language && LANGUAGES.has(r.language) ? (r.language as Finding['language']) : null,
    line: r.line,
    detector: r.detector as DetectorId,
    preview: r.preview,
    variable: r.variable,
    context: r.context as Finding['context'],
    firstSeenAt: iso(r.firstSeenAt)!,
    scannedAt: iso(r.scannedAt)!,
    stale: r.stale,
    inGitFolder: r.inGitFolder,
    owner: ownerOf(r, principals),
  };
}

export async function findingsView(ws: Workspace, db: Db): Promise<FindingsResponse> {
  const [rows, counts, unreadable, runs, running] = await Promise.all([
    listFindings(db),
    coverageCounts(db),
    listUnreadable(db, UNREADABLE_SHOWN),
    latestRuns(db),
    runningRun(db),
  ]);
  const notices: string[] = [];
  let principals: PrincipalIndex | null = null;
  try {
    principals = await loadPrincipals(ws);
  } catch (e) {
    notices.push(`Owners' display names and status not collected: ${upstreamReason(e)}`);
  }
  const displayNames: Record<string, string> = {};
  for (const run of [runs.latest, runs.completed, running]) {
    for (const name of run ? [run.actingAs, run.startedBy] : []) {
      const p = principals?.resolve(name);
      if (p?.displayName && p.displayName !== name) displayNames[name] = p.displayName;
    }
  }
  return {
    findings: rows.map((r) => toFinding(r, principals)).filter((f): f is Finding => f !== null),
    coverage: toCoverage(counts),
    unreadable,
    notices,
    displayNames,
  };
}
