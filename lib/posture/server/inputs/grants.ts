// Posture's inputs from the Grants area (issue 13): its least-privilege findings (check 5) and the Unity Catalog grants held
// by service principals (check 10).
// Until that area lands each throws "area not built", so its check says "not collected", never "pass". Wiring the
// area is this one file: return its findings in the shape the check module declares.
import 'server-only';
import type { UcLeastPrivilegeInput } from '@/lib/posture/checks/uc-least-privilege';
import type { SpPrivilegesInput } from '@/lib/posture/checks/sp-privileges';
import { areaNotBuilt, type CheckContext } from '@/lib/posture/checks/define';

/** Seam for the Grants area (issue 13): its least-privilege findings and legacy USAGE grants. */
export async function ucLeastPrivilegeInput(_ctx: CheckContext): Promise<UcLeastPrivilegeInput> {
  return areaNotBuilt('Grants');
}

/** Seam for the Grants area (issue 13): Unity Catalog grants held by service principals. */
export async function spPrivilegesInput(_ctx: CheckContext): Promise<SpPrivilegesInput> {
  return areaNotBuilt('Grants');
}
