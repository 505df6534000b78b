import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import type { Figure, FigureGroup } from '@/lib/reports/contract';
import { formatChange, formatCount } from './format';

const GROUP_LABELS: Record<FigureGroup, string> = {
  permissions: 'Permissions',
  signins: 'Sign-ins',
  tokens: 'Tokens',
  secrets: 'Secrets',
  posture: 'Posture',
};

function FigureValue({ f }: { f: Figure }) {
  if (f.status === 'ok') return <>{formatCount(f.value, f.unit)}</>;
  return <Badge tone="warning">{f.status === 'missing' ? 'Not counted' : 'Not collected'}</Badge>;
}

/** This week beside the week before, by group; a figure that could not be counted says why instead of a number. */
export function FiguresTable({ figures }: { figures: Figure[] }) {
  const groups = [...new Set(figures.map((f) => f.group))];
  const linked = figures.some((f) => f.link);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Figures of the week beside the week before</caption>
      <thead>
        <tr className="border-b border-border text-left text-xs text-muted">
          <th scope="col" className="py-2 pr-3 font-medium">
            Figure
          </th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">
            This week
          </th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">
            Week before
          </th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">
            Change
          </th>
          {linked ? (
            <th scope="col" className="py-2 font-medium print:hidden">
              <span className="sr-only">Events</span>
            </th>
          ) : null}
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g} className="break-inside-avoid">
          <tr>
            <th
              scope="rowgroup"
              colSpan={linked ? 5 : 4}
              className="pt-3 pb-1 text-left text-xs font-semibold tracking-wide text-muted uppercase"
            >
              {GROUP_LABELS[g]}
            </th>
          </tr>
          {figures
            .filter((f) => f.group === g)
            .map((f) => {
              const kind = f.key.includes('.');
              return (
                <tr key={f.key} className="border-b border-border/60 align-top">
                  <th scope="row" className={cn('py-1.5 pr-3 text-left font-normal', kind && 'pl-4 text-muted')}>
                    {f.label}
                    {f.status !== 'ok' && f.reason ? <span className="block text-xs text-muted">{f.reason}</span> : null}
                    {f.note ? <span className="block text-xs text-muted print:hidden">{f.note}</span> : null}
                  </th>
                  <td className="py-1.5 pr-3 text-right font-medium tabular-nums">
                    <FigureValue f={f} />
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums text-muted">
                    {f.status === 'ok' ? formatCount(f.previous, f.unit) : '—'}
                  </td>
                  <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">{formatChange(f.value, f.previous) ?? '—'}</td>
                  {linked ? (
                    <td className="py-1.5 text-xs print:hidden">
                      {f.link ? (
                        <Link
                          href={`/audit?${f.link}`}
                          className="whitespace-nowrap text-accent underline-offset-2 hover:underline"
                          title={f.linkNote ?? undefined}
                        >
                          Events<span className="sr-only"> behind {f.label.toLowerCase()}</span>
                        </Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
        </tbody>
      ))}
    </table>
  );
}
