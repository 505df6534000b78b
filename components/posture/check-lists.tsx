// The checks that were not measured, each with why and exactly what Brickwatch is missing (what a new install must
// grant, what each area needs), and the passing ones, briefly.
import { RiskBadge } from '@/components/ui/badge';
import type { CheckResultView } from '@/lib/posture/contract';

function Title({ check }: { check: CheckResultView }) {
  return (
    <span className="font-medium">
      <span className="mr-1.5 text-muted tabular-nums">{check.number}.</span>
      {check.title}
    </span>
  );
}

export function NotCollectedList({ checks }: { checks: CheckResultView[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-card">
      <table className="w-full text-sm">
        <caption className="sr-only">Checks not collected, why, and what Brickwatch needs to measure them</caption>
        <thead className="bg-surface-2 text-left text-xs text-muted">
          <tr>
            <th scope="col" className="w-[34%] px-4 py-2 font-medium">
              Check
            </th>
            <th scope="col" className="w-[33%] px-4 py-2 font-medium">
              Why it was not measured
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              What Brickwatch needs
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border align-top">
          {checks.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-2.5">
                <Title check={c} />
                <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
                  <RiskBadge level={c.severity} />
                  <span>{c.category}</span>
                </div>
              </td>
              <td className="px-4 py-2.5 break-words text-muted">{c.reason}</td>
              <td className="px-4 py-2.5 break-words">
                {c.needs ?? <span className="text-muted">Nothing to grant: try again later</span>}
                <details className="mt-1 text-xs text-muted">
                  <summary className="cursor-pointer select-none">What this check reads</summary>
                  <ul className="mt-1 space-y-1">
                    {c.reads.map((r) => (
                      <li key={r.what}>
                        {r.what} — <span className="text-fg">{r.permission}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PassingList({ checks }: { checks: CheckResultView[] }) {
  return (
    <ul className="divide-y divide-border rounded-lg border border-border bg-surface shadow-card">
      {checks.map((c) => (
        <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
          <Title check={c} />
          <span className="min-w-0 text-muted">{c.reason}</span>
        </li>
      ))}
    </ul>
  );
}
