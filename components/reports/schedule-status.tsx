import { Badge } from '@/components/ui/badge';
import type { ScheduleStatus as Schedule } from '@/lib/reports/contract';
import { formatTime } from './format';

/** Whether reports are made on their own, when next, as whom, and where they are delivered (the URL masked). */
export function ScheduleStatus({ schedule }: { schedule: Schedule }) {
  const item = 'flex flex-wrap items-baseline gap-x-1.5';
  return (
    <section
      aria-label="Schedule"
      className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-border bg-surface px-4 py-3 text-sm shadow-card"
    >
      <h2 className="flex items-center gap-2 font-semibold">
        Schedule <Badge tone={schedule.on ? 'success' : 'warning'}>{schedule.on ? 'On' : 'Off'}</Badge>
      </h2>
      {schedule.on ? (
        <>
          <p className={item}>
            <span className="text-muted">Runs</span>
            <code className="font-mono text-xs">{schedule.cron}</code>
            <span>({schedule.timeZone})</span>
          </p>
          {schedule.nextRun ? (
            <p className={item}>
              <span className="text-muted">Next run</span> {formatTime(schedule.nextRun, schedule.timeZone)}
            </p>
          ) : null}
          {schedule.runsAs ? (
            <p className={item}>
              <span className="text-muted">Runs as</span> <span className="font-mono text-xs whitespace-nowrap">{schedule.runsAs}</span>
            </p>
          ) : null}
        </>
      ) : (
        <p className="min-w-0 basis-full text-muted">{schedule.reason}</p>
      )}
      <p className={item}>
        <span className="text-muted">Delivery</span>
        {schedule.webhook ? <span className="font-mono text-xs whitespace-nowrap">{schedule.webhook}</span> : 'no webhook configured'}
      </p>
    </section>
  );
}
