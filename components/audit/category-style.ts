// One colour per audit category, used by the chart, its legend and the explorer's category badges. Full class
// names are spelled out so Tailwind finds them.
import type { AuditCategory } from '@/lib/audit/rules/categories';

export const CATEGORY_STYLE: Record<AuditCategory, { fill: string; swatch: string }> = {
  signin: { fill: 'fill-sky-500', swatch: 'bg-sky-500' },
  tokens: { fill: 'fill-amber-500', swatch: 'bg-amber-500' },
  secrets: { fill: 'fill-fuchsia-500', swatch: 'bg-fuchsia-500' },
  permissions: { fill: 'fill-rose-500', swatch: 'bg-rose-500' },
  unityCatalog: { fill: 'fill-emerald-500', swatch: 'bg-emerald-500' },
  config: { fill: 'fill-indigo-500', swatch: 'bg-indigo-500' },
  other: { fill: 'fill-slate-400', swatch: 'bg-slate-400' },
};
