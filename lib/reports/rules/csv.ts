// A report as CSV: one row per figure (this week, the week before, the change), then the notable events and the
// most active actors, each section headed, so a spreadsheet shows the whole report and not only its numbers.
import { toCsv } from '@/lib/csv';
import type { Report } from '../contract';

function change(value: number | null, previous: number | null): number | null {
  return value === null || previous === null ? null : value - previous;
}

export function reportCsv(report: Report): string {
  const rows: unknown[][] = [
    ['report', report.week, `version ${report.version}`, report.window.from, report.window.to, report.generatedBy, report.generatedAt],
    [],
    ['figure', 'label', 'this week', 'week before', 'change', 'status', 'reason'],
    ...report.figures.map((f) => [f.key, f.label, f.value, f.previous, change(f.value, f.previous), f.status, f.reason ?? '']),
    [],
    ['notable', 'time', 'title', 'detail', 'actor'],
    ...report.notable.map((n) => [n.kind, n.time, n.title, n.detail, n.actor ?? '']),
    [],
    ['actor', 'events', 'changes', 'failed'],
    ...report.actors.map((a) => [a.actor, a.events, a.changes, a.failed]),
  ];
  return toCsv(['section', 'a', 'b', 'c', 'd', 'e', 'f'], rows);
}
