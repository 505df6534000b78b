'use client';
// The scan's state: a progress bar with its counts while one runs (polled, never blocking the page), else what the
// newest scan did; the buttons to start one (analysts and up) and cancel it (admins); the schedule in one line.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { InlineStatus } from '@/components/ui/inline-status';
import { useToast } from '@/components/ui/toast';
import { cancelScanResponseSchema, startScanResponseSchema, type StatusResponse } from '@/lib/code-scan/contract';
import { codeScanQueries } from '@/lib/code-scan/queries';
import { apiFetch } from '@/lib/query/fetch';
import { ago, duration, PHASE_LABELS, progressCounts, progressFraction, runSummary } from './format';

export interface ScanStatusProps {
  status: StatusResponse;
  displayNames: Record<string, string>;
  canStart: boolean;
  canCancel: boolean;
  now: number;
}

const noSubscription = () => () => undefined;
/** False in the server's HTML, true once React runs here: a click before then would be lost, so buttons wait. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

export function ScanStatus({ status, displayNames, canStart, canCancel, now }: ScanStatusProps) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const toast = useToast();
  const refresh = () => queryClient.invalidateQueries({ queryKey: codeScanQueries.all() });
  const start = useMutation({
    mutationFn: (mode: 'incremental' | 'full') =>
      apiFetch('/api/code-scan/scans', startScanResponseSchema, { method: 'POST', json: { mode } }),
    onSuccess: async ({ run }) => {
      toast(run.mode === 'full' ? 'Full scan started' : 'Scan started');
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/code-scan/scans/${id}/cancel`, cancelScanResponseSchema, { method: 'POST' }),
    onSuccess: async () => {
      toast('Scan cancelled; what it read so far is kept');
      await refresh();
    },
  });
  const name = (n: string) => displayNames[n] ?? n;
  const running = status.running;
  const last = status.latest;

  return (
    <Card className="space-y-3 p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-0.5">
          {running ? (
            <>
              <p className="font-medium">{running.cancelRequested ? 'Cancelling the scan…' : `${PHASE_LABELS[running.progress.phase]}…`}</p>
              <p className="text-sm text-muted">
                Started {ago(running.startedAt, now)} by {name(running.startedBy)}, reading as {name(running.actingAs)} ·{' '}
                {duration(running, now)}
              </p>
            </>
          ) : last ? (
            <>
              <p className="font-medium">
                {last.state === 'completed'
                  ? `Last scan completed ${ago(last.finishedAt ?? last.startedAt, now)}`
                  : last.state === 'cancelled'
                    ? `Last scan was cancelled ${ago(last.finishedAt ?? last.startedAt, now)}`
                    : `Last scan failed ${ago(last.finishedAt ?? last.startedAt, now)}`}
              </p>
              <p className="text-sm text-muted">
                {runSummary(last)} · {last.mode === 'full' ? 'full' : 'incremental'}, by {name(last.startedBy)} as {name(last.actingAs)},
                took {duration(last, now)}
              </p>
            </>
          ) : (
            <>
              <p className="font-medium">No scan yet</p>
              <p className="text-sm text-muted">Nothing has been read: there are no findings to show until a scan completes.</p>
            </>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {running && canCancel ? (
            <Button
              variant="ghost-danger"
              pending={cancel.isPending}
              disabled={!hydrated || running.cancelRequested}
              onClick={() => cancel.mutate(running.id)}
            >
              Cancel scan
            </Button>
          ) : null}
          {canStart ? (
            <>
              <Button
                variant="secondary"
                disabled={!hydrated || running !== null}
                pending={start.isPending && start.variables === 'full'}
                onClick={() => start.mutate('full')}
                title="Read every notebook and file again, changed or not"
              >
                Full scan
              </Button>
              <Button
                variant="primary"
                disabled={!hydrated || running !== null}
                pending={start.isPending && start.variables === 'incremental'}
                onClick={() => start.mutate('incremental')}
                title="Read only what changed since the last scan"
              >
                {last ? 'Scan for changes' : 'Start scan'}
              </Button>
            </>
          ) : null}
        </div>
      </div>

      {running ? <ProgressBar status={status} /> : null}
      {!running && last?.state === 'failed' && last.error ? <InlineStatus tone="danger">{last.error}</InlineStatus> : null}
      {start.error ? <InlineStatus tone="danger">{start.error.message}</InlineStatus> : null}
      {cancel.error ? <InlineStatus tone="danger">{cancel.error.message}</InlineStatus> : null}

      <p className="text-xs text-muted">
        {status.schedule.state === 'on'
          ? `Scheduled scans run every ${status.schedule.everyHours === 1 ? 'hour' : `${status.schedule.everyHours} hours`} as ${name(status.schedule.actingAs ?? '')}, once a first scan has completed.`
          : `Scheduled scans are off. ${status.schedule.reason ?? ''}`}
      </p>
    </Card>
  );
}

function ProgressBar({ status }: { status: StatusResponse }) {
  const p = status.running!.progress;
  const fraction = progressFraction(p);
  const percent = Math.round(fraction * 100);
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% of the objects listed so far`}
        className="h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-500" style={{ width: `${Math.max(2, percent)}%` }} />
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-live="polite">
        {progressCounts(p).map((c) => (
          <div key={c.label} className="flex items-baseline gap-1.5">
            <dt className="text-muted">{c.label}</dt>
            <dd className="font-medium tabular-nums">{c.value.toLocaleString('en-US')}</dd>
          </div>
        ))}
        <div className="flex items-baseline gap-1.5">
          <dt className="text-muted">folders</dt>
          <dd className="font-medium tabular-nums">{p.folders.toLocaleString('en-US')}</dd>
        </div>
      </dl>
    </div>
  );
}
