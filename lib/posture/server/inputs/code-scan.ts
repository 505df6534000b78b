// Posture's input from the code scan (issue 17): the newest completed scan's credential findings and coverage (check 13),
// read from the store through the area's own seam (codeScanPostureInput). A workspace never scanned is "no scan yet";
// objects the scan was refused or failed on, folders it could not list, and objects it could no longer see are gaps,
// so "no finding" never hides "not read". Objects no scan can read (libraries, binaries, over 10 MB) are counted apart.
import 'server-only';
import type { Gap } from '@/lib/posture/rules/types';
import type { CheckContext } from '@/lib/posture/checks/define';
import type { CodeCredentialsInput } from '@/lib/posture/checks/code-credentials';
import { DETECTOR_LABELS } from '@/lib/code-scan/rules/detectors';
import { codeScanPostureInput } from '@/lib/code-scan/server/posture';
import { toScanRun } from '@/lib/code-scan/server/views';
import { plural } from '@/lib/posture/rules/verdict';
import { latestRuns } from '@/lib/store/code-scan-runs';
import { getDb } from '@/lib/store/db';

const READ_EVERYTHING = 'Workspace admin, or CAN_READ on every folder, notebook and repo';

/** The code scan's findings and what its newest completed scan could not read. */
export async function codeCredentialsInput(ctx: CheckContext): Promise<CodeCredentialsInput> {
  const db = ctx.db ?? getDb();
  const [input, { completed }] = await Promise.all([codeScanPostureInput(ctx.ws, db), latestRuns(db)]);
  if (!input.collected) return { scannedAt: null, findings: [], gaps: [], unscannable: 0 };
  const c = input.coverage;
  const gaps: Gap[] = [];
  if (c.unreadable.permission)
    gaps.push({ text: `${plural(c.unreadable.permission, 'object')} could not be read for lack of permission`, needs: READ_EVERYTHING });
  if (c.unreadable.error) gaps.push({ text: `${plural(c.unreadable.error, 'object')} could not be read: Databricks failed`, needs: null });
  const progress = completed ? toScanRun(completed).progress : null;
  const folders = progress ? progress.hiddenFolders + progress.unlistedFolders : 0;
  if (folders) gaps.push({ text: `${plural(folders, 'folder')} could not be listed by ${input.actingAs}`, needs: READ_EVERYTHING });
  if (c.stale)
    gaps.push({ text: `${plural(c.stale, 'object')} seen by an earlier scan could not be seen by the last one`, needs: READ_EVERYTHING });
  return {
    scannedAt: Date.parse(input.completedAt),
    findings: input.findings.map((f) => ({
      id: f.id,
      path: f.path,
      line: f.line,
      detector: DETECTOR_LABELS[f.detector],
      preview: f.preview,
    })),
    gaps,
    unscannable: c.unreadable.size + c.unreadable.format,
  };
}
