'use client';
// "Credentials in code": hard-coded credentials in the workspace's notebooks and files, found by background scans.
// Self-contained (its own queries, URL state `finding` and `detector`), so it can sit on its own page or in a tab.
// The coverage line is always next to the findings, so "no findings" is never read without "how much was scanned".
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineStatus } from '@/components/ui/inline-status';
import { SkeletonTable } from '@/components/ui/skeleton';
import { StatCard } from '@/components/ui/stat-card';
import { CODE_SCAN_URL, UNREADABLE_LABELS, type FindingsResponse } from '@/lib/code-scan/contract';
import { codeScanQueries } from '@/lib/code-scan/queries';
import { DETECTOR_IDS, DETECTOR_LABELS, type DetectorId } from '@/lib/code-scan/rules/detector-ids';
import { useUrlState } from '@/lib/use-url-state';
import { FindingsTable, WrappingPath } from './findings-table';
import { coverageSentence, plural } from './format';
import { ScanStatus } from './scan-status';
import { afterHydration } from '@/components/ui/after-hydration';

// Not needed at first paint: a finding opens in full when its row is chosen (a linked one as soon as it arrives).
const FindingDetail = afterHydration(() => import('./finding-detail').then((m) => m.FindingDetail));

export interface CredentialsInCodeProps {
  /** Analysts and up may start a scan. */
  canStart: boolean;
  /** Admins may cancel one. */
  canCancel: boolean;
}

export function CredentialsInCode({ canStart, canCancel }: CredentialsInCodeProps) {
  const queryClient = useQueryClient();
  const status = useQuery(codeScanQueries.status());
  const findings = useQuery(codeScanQueries.findings());
  const [url, setUrl] = useUrlState(CODE_SCAN_URL);

  // When a scan finishes, the findings it wrote are read again.
  const wasRunning = useRef<string | null>(null);
  const runningId = status.data?.running?.id ?? null;
  const progressKey = status.data?.running ? `${status.data.running.progress.scanned}` : '';
  useEffect(() => {
    if (wasRunning.current && !runningId) void queryClient.invalidateQueries({ queryKey: codeScanQueries.findings().queryKey });
    wasRunning.current = runningId;
  }, [runningId, queryClient]);
  // While a scan runs, findings appear as it writes them (at most every few seconds).
  useEffect(() => {
    if (!runningId) return;
    const t = setTimeout(() => void queryClient.invalidateQueries({ queryKey: codeScanQueries.findings().queryKey }), 5_000);
    return () => clearTimeout(t);
  }, [runningId, progressKey, queryClient]);

  const open = useCallback((id: string) => setUrl({ finding: id }), [setUrl]);
  const close = useCallback(() => setUrl({ finding: undefined }), [setUrl]);
  const shown = useMemo(
    () => (findings.data?.findings ?? []).filter((f) => !url.detector || f.detector === url.detector),
    [findings.data, url.detector],
  );
  const selected = findings.data?.findings.find((f) => f.id === url.finding) ?? null;
  const now = status.dataUpdatedAt;

  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">Credentials in code</h2>
        <p className="max-w-3xl text-sm text-muted">
          Passwords, tokens and keys written into notebooks and workspace files, where anyone who can open them can copy them. Scans read
          only what changed since the last one; previews are masked and the values are never stored.
        </p>
      </div>

      {status.error ? <InlineStatus tone="danger">{status.error.message}</InlineStatus> : null}
      {status.data ? (
        <ScanStatus
          status={status.data}
          displayNames={findings.data?.displayNames ?? {}}
          canStart={canStart}
          canCancel={canCancel}
          now={now}
        />
      ) : null}

      {findings.error ? <InlineStatus tone="danger">{findings.error.message}</InlineStatus> : null}
      {findings.data ? (
        <Results
          data={findings.data}
          shown={shown}
          scanned={status.data?.lastCompleted !== null}
          detector={url.detector}
          onDetector={(d) => setUrl({ detector: d })}
          onOpen={open}
        />
      ) : findings.isPending ? (
        <SkeletonTable rows={6} columns={5} />
      ) : null}

      <FindingDetail finding={selected} onClose={close} />
    </div>
  );
}

function Results({
  data,
  shown,
  scanned,
  detector,
  onDetector,
  onOpen,
}: {
  data: FindingsResponse;
  shown: FindingsResponse['findings'];
  scanned: boolean;
  detector: DetectorId | undefined;
  onDetector: (d: DetectorId | undefined) => void;
  onOpen: (id: string) => void;
}) {
  const c = data.coverage;
  const present = new Set(data.findings.map((f) => f.detector));
  const owners = new Set(data.findings.map((f) => f.owner.name).filter(Boolean)).size;
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard
          label="Findings"
          value={c.findings.toLocaleString('en-US')}
          tone={c.findings > 0 ? 'danger' : 'success'}
          hint={`in ${plural(c.withFindings, 'object')}`}
        />
        <StatCard label="Objects scanned" value={c.scanned.toLocaleString('en-US')} hint={`of ${plural(c.objects, 'object')} known`} />
        <StatCard
          label="Could not be read"
          value={c.unreadableTotal.toLocaleString('en-US')}
          tone={c.unreadableTotal > 0 ? 'warning' : 'neutral'}
          hint={
            c.unreadable.permission > 0
              ? `${c.unreadable.permission.toLocaleString('en-US')} for lack of permission`
              : 'size, format or errors'
          }
        />
        <StatCard label="Owners to contact" value={owners.toLocaleString('en-US')} hint="people and groups named as owners" />
      </div>

      <p className="text-sm" aria-label="Coverage">
        <strong className="font-medium">Coverage:</strong> {coverageSentence(c)}
      </p>
      {data.notices.map((n) => (
        <DegradedNotice key={n} reason={n.replace(/^.*?not collected: /i, '')} what={n.split(' not collected')[0]} />
      ))}
      {data.unreadable.length > 0 ? (
        <details className="rounded-md border border-border bg-surface px-3 py-2 text-sm">
          <summary className="cursor-pointer">
            Objects that could not be read ({c.unreadableTotal.toLocaleString('en-US')}
            {c.unreadableTotal > data.unreadable.length ? `, the first ${data.unreadable.length} shown` : ''})
          </summary>
          <ul className="mt-2 space-y-1">
            {data.unreadable.map((u) => (
              <li key={u.path} className="flex flex-wrap gap-x-2">
                <span className="font-mono text-xs">
                  <WrappingPath path={u.path} />
                </span>
                <span className="text-muted">
                  {UNREADABLE_LABELS[u.reason]}
                  {u.detail ? ` — ${u.detail}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <FindingsTable
        findings={shown}
        onOpen={onOpen}
        toolbar={
          <label className="flex items-center gap-2 text-sm">
            <span className="text-muted">Credential</span>
            <select
              value={detector ?? ''}
              onChange={(e) => onDetector((e.target.value || undefined) as DetectorId | undefined)}
              className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm"
            >
              <option value="">All kinds</option>
              {DETECTOR_IDS.filter((d) => present.has(d) || d === detector).map((d) => (
                <option key={d} value={d}>
                  {DETECTOR_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
        }
        empty={
          !scanned ? (
            <EmptyState title="No scan yet" description="Start a scan to look for credentials in notebooks and files." />
          ) : detector ? (
            <EmptyState title={`No ${DETECTOR_LABELS[detector].toLowerCase()} found`} description="Choose another kind of credential." />
          ) : (
            <EmptyState
              good
              title="No credentials found"
              description={`In the ${plural(c.scanned, 'object')} scanned. ${coverageSentence(c)}`}
            />
          )
        }
      />
    </>
  );
}
