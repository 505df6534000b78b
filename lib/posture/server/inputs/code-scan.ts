// Posture's input from the code scan (issue 17): the last complete scan's credential findings (check 13).
// Until that area lands it throws "area not built", so the check says "not collected", never "pass". Wiring the area
// is this one file: return its findings in the shape lib/posture/checks/code-credentials.ts declares.
import 'server-only';
import type { CodeCredentialsInput } from '@/lib/posture/checks/code-credentials';
import { areaNotBuilt, type CheckContext } from '@/lib/posture/checks/define';

/** Seam for the code scan (issue 17): findings and coverage of the last complete scan. */
export async function codeCredentialsInput(_ctx: CheckContext): Promise<CodeCredentialsInput> {
  return areaNotBuilt('Code scan');
}
