// Posture's inputs from the Data protection area (issue 14): personal-data columns and whether each is masked (check 6).
// Until that area lands each throws "area not built", so its check says "not collected", never "pass". Wiring the
// area is this one file: return its findings in the shape the check module declares.
import 'server-only';
import type { PiiMaskingInput } from '@/lib/posture/checks/pii-masking';
import { areaNotBuilt, type CheckContext } from '@/lib/posture/checks/define';

/** Seam for the Data protection area (issue 14): personal-data columns and whether each is masked. */
export async function piiMaskingInput(_ctx: CheckContext): Promise<PiiMaskingInput> {
  return areaNotBuilt('Data protection');
}
