import { Badge } from '@/components/ui/badge';
import type { ScheduleStatus as Schedule } from '@/lib/reports/contract';
import { formatTime } from './format';

/** Whether reports are made on their own, when next, as whom, and where they are delivered (the URL masked). */
export function ScheduleStatus({ schedule }: { schedule: Schedule }) {
  return (
    <section aria-label="Schedule" className="space-y-2 rounded-lg border border-border bg-surface p-4 text-sm shadow-card">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">Schedule</h2>
        <Badge tone={schedule.on ? 'success' : 'warning'}>{schedule.on ? 'On' : 'Off'}</Badge>
      </div>
      {schedule.on ? (
        <dl className="space-y-1.5 text-xs">
          <div>
            <dt className="text-muted">Runs</dt>
            <dd>
              <code className="font-mono">{schedule.cron}</code> ({schedule.timeZone})
            </dd>
          </div>
          {schedule.nextRun ? (
            <div>
              <dt className="text-muted">Next run</dt>
              <dd>{formatTime(schedule.nextRun, schedule.timeZone)}</dd>
            </div>
          ) : null}
          {schedule.runsAs ? (
            <div>
              <dt className="text-muted">Runs as</dt>
              <dd className="font-mono break-all">{schedule.runsAs}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="text-xs text-muted">{schedule.reason}</p>
      )}
      <p className="text-xs">
        <span className="text-muted">Delivery: </span>
        {schedule.webhook ? <span className="font-mono break-all">{schedule.webhook}</span> : 'no webhook configured'}
      </p>
    </section>
  );
}
