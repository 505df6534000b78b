// The score, always beside its coverage, the accepted count, and the trend of both from the store's snapshots.
import { StatCard } from '@/components/ui/stat-card';
import type { Posture, Trend } from '@/lib/posture/contract';
import { plural } from '@/lib/posture/rules/verdict';
import { Sparkline } from './sparkline';

const scoreTone = (score: number | null) => (score === null ? 'neutral' : score >= 80 ? 'success' : score >= 50 ? 'warning' : 'danger');

export function PostureSummary({ posture, trend }: { posture: Posture; trend: Trend | undefined }) {
  const { score, coverage, accepted, counts } = posture;
  const notMeasured = coverage.total - coverage.measured;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        label="Score"
        tone={scoreTone(score)}
        value={score === null ? 'No score' : `${score} / 100`}
        hint={
          <>
            Passing checks ÷ passing and failing ones, weighted by severity
            {accepted > 0 ? <> · {plural(accepted, 'accepted check')} left out</> : null}
          </>
        }
      />
      <StatCard
        label="Coverage"
        tone={notMeasured === 0 ? 'success' : 'warning'}
        value={`${coverage.measured} of ${coverage.total}`}
        hint={
          notMeasured === 0
            ? 'Every check was measured'
            : `checks measured; ${plural(notMeasured, 'check')} not measured, never counted as passing`
        }
      />
      <StatCard
        label="Failing"
        tone={counts.fail > 0 ? 'danger' : 'success'}
        value={counts.fail}
        hint={`${plural(counts.fail, 'check')} failing · ${counts.pass} passing · ${accepted} accepted`}
      />
      <TrendCard trend={trend} />
    </div>
  );
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function TrendCard({ trend }: { trend: Trend | undefined }) {
  const points = trend?.points ?? [];
  const last = points[points.length - 1];
  const firstPoint = points[0];
  const coverage = (p: { measured: number; total: number }) => (p.total === 0 ? 0 : (100 * p.measured) / p.total);
  return (
    <div className="relative overflow-hidden rounded-lg border border-border bg-surface p-4 pl-5 shadow-card">
      <p className="text-xs font-medium text-muted">Trend, last 90 days</p>
      {!trend ? (
        <p className="mt-2 text-sm text-muted">Loading the snapshots…</p>
      ) : points.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No snapshot yet: the first is taken today.</p>
      ) : (
        <>
          <Sparkline
            className="mt-1"
            times={points.map((p) => p.takenAt)}
            label={`Score and coverage from ${day(firstPoint!.takenAt)} to ${day(last!.takenAt)}`}
            series={[
              { label: 'Score', values: points.map((p) => p.score), className: 'text-accent' },
              { label: 'Coverage', values: points.map(coverage), className: 'text-muted', dashed: true },
            ]}
          />
          <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted">
            <span>
              <span aria-hidden className="mr-1 inline-block h-0.5 w-3 bg-accent align-middle" />
              Score {firstPoint!.score ?? '–'} → {last!.score ?? '–'}
            </span>
            <span>
              <span aria-hidden className="mr-1 inline-block w-3 border-t-2 border-dashed border-muted align-middle" />
              Coverage {firstPoint!.measured}/{firstPoint!.total} → {last!.measured}/{last!.total}
            </span>
            <span>{plural(points.length, 'snapshot')}</span>
          </p>
        </>
      )}
    </div>
  );
}
