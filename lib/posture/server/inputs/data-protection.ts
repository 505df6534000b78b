// Posture's input from the Data protection area (issue 14): every column the area classes as personal data and whether
// a column mask protects it (check 6), from the area's cached columns read over every catalog (the one its page shows
// unfiltered). A failed read throws and the runner says why; a partial view of the metastore is a gap.
import 'server-only';
import type { CheckContext } from '@/lib/posture/checks/define';
import type { PiiMaskingInput } from '@/lib/posture/checks/pii-masking';
import { KIND_LABELS } from '@/lib/data-protection/rules/detect';
import { loadColumns } from '@/lib/data-protection/server/columns';

/** The Data protection area's personal-data columns, masked or not. */
export async function piiMaskingInput(ctx: CheckContext): Promise<PiiMaskingInput> {
  const read = await loadColumns(ctx.ws, {});
  return {
    columns: read.columns.map((c) => ({ table: c.table, column: c.column, category: KIND_LABELS[c.kind], masked: c.masked })),
    gaps: read.notices.map((n) => ({
      text: n.message.replace(/\.$/, ''),
      needs: n.code === 'partial_view' ? 'Metastore admin, or USE CATALOG, USE SCHEMA and SELECT on every table' : null,
    })),
  };
}
