'use client';
// The home page's posture: score beside coverage and the trend; failing checks first, with evidence and the fix;
// then what could not be measured and what Brickwatch needs for it; the passing ones; the exceptions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { RefreshIcon } from '@/components/ui/icons';
import { InlineStatus } from '@/components/ui/inline-status';
import { PageHeader } from '@/components/ui/page-header';
import { useToast } from '@/components/ui/toast';
import { apiFetch } from '@/lib/query/fetch';
import { postureSchema, type Posture, type Trend } from '@/lib/posture/contract';
import { postureQueries } from '@/lib/posture/queries';
import { plural } from '@/lib/posture/rules/verdict';
import { CheckCard, type AcceptTarget, type CanOpen } from './check-card';
import { NotCollectedList, PassingList } from './check-lists';
import { ExceptionDialog, type ExceptionDialogState } from './exception-dialog';
import { ExceptionsTable } from './exceptions-table';
import { PostureSkeleton } from './posture-skeleton';
import { PostureSummary } from './posture-summary';

export interface PostureViewProps {
  canAdmin: boolean;
  /** The signed-in person's name, the owner a new exception starts with. */
  defaultOwner: string;
  /** The Brickwatch pages the person's role may open: links to others are shown as text. */
  openable: string[];
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 };
const time = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-xs text-muted">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** Who takes the daily snapshot, the page says (the issue's "who runs it when nobody is signed in"). */
function Schedule({ trend, acting }: { trend: Trend | undefined; acting: string }) {
  if (!trend) return null;
  if (trend.schedule.kind === 'viewer')
    return (
      <>
        No identity is set up for background work, so each day’s snapshot is taken when a person first opens this page, as that person (you
        see the ones taken as you), and at each evaluation an admin asks for.
      </>
    );
  return (
    <>
      Daily snapshots are taken as{' '}
      {trend.schedule.identity === acting ? 'this identity' : <span className="whitespace-nowrap">{trend.schedule.identity}</span>} even
      when nobody is signed in, and at each evaluation an admin asks for.
    </>
  );
}

export function PostureView({ canAdmin, defaultOwner, openable }: PostureViewProps) {
  // A page below an area (/secrets/<scope>, /secrets/code) opens with the area's role.
  const canOpen = useCallback<CanOpen>(
    (href) => {
      const path = href.split(/[?#]/)[0]!;
      return !href.startsWith('/') || openable.some((o) => path === o || (o !== '/' && path.startsWith(`${o}/`)));
    },
    [openable],
  );
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data, error, refetch, isFetching } = useQuery(postureQueries.summary());
  const { data: trend } = useQuery(postureQueries.trend());
  const { data: exceptions } = useQuery(postureQueries.exceptions());
  const [dialog, setDialog] = useState<ExceptionDialogState>(null);
  const evaluate = useMutation({
    mutationFn: () => apiFetch('/api/posture/evaluate', postureSchema, { method: 'POST', json: { checks: 'all' } }),
    onSuccess: async (fresh: Posture) => {
      queryClient.setQueryData(postureQueries.summary().queryKey, fresh);
      toast(
        `Evaluated: ${fresh.score === null ? 'no score' : `score ${fresh.score}`}, ${fresh.coverage.measured} of ${fresh.coverage.total} checks measured`,
      );
      await queryClient.invalidateQueries({ queryKey: postureQueries.trend().queryKey });
    },
  });

  const header = (
    <PageHeader
      title="Posture"
      description="How secure this workspace is right now, and what to fix first: Databricks’ security checklist, evaluated live."
      meta={
        data ? (
          <span>
            Evaluated at {time(data.evaluatedAt)} as <span className="whitespace-nowrap">{data.actingAs.name}</span>.{' '}
            <Schedule trend={trend} acting={data.actingAs.name} />
          </span>
        ) : null
      }
      actions={
        canAdmin ? (
          <Button size="sm" icon={<RefreshIcon />} pending={evaluate.isPending} onClick={() => evaluate.mutate()}>
            Evaluate now
          </Button>
        ) : (
          <Button size="sm" variant="ghost" icon={<RefreshIcon />} pending={isFetching} onClick={() => void refetch()}>
            Refresh
          </Button>
        )
      }
    />
  );
  if (!data)
    return (
      <>
        {header}
        {error ? (
          <InlineStatus tone="danger">
            The checklist could not be evaluated: {error.message}{' '}
            <Button size="sm" onClick={() => void refetch()}>
              Try again
            </Button>
          </InlineStatus>
        ) : (
          <PostureSkeleton />
        )}
      </>
    );

  const failing = data.checks
    .filter((c) => c.status === 'fail')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.number - b.number);
  const accepted = data.checks.filter((c) => c.status === 'accepted');
  const notCollected = data.checks.filter((c) => c.status === 'not_collected');
  const passing = data.checks.filter((c) => c.status === 'pass');
  const onAccept = canAdmin ? (target: AcceptTarget) => setDialog({ kind: 'create', target }) : null;
  return (
    <>
      {header}
      <div className="space-y-8">
        {evaluate.error ? <InlineStatus tone="danger">Evaluating failed: {evaluate.error.message}</InlineStatus> : null}
        <PostureSummary posture={data} trend={trend} />
        <Section
          id="failing-heading"
          title={`Failing (${failing.length})`}
          description="Most severe first. Each lists what fails and where it is fixed."
        >
          {failing.length === 0 ? (
            <EmptyState
              good
              title="No check fails"
              description={notCollected.length ? `${plural(notCollected.length, 'check')} could not be measured; see below.` : undefined}
            />
          ) : (
            <div className="space-y-4">
              {failing.map((c) => (
                <CheckCard key={c.id} check={c} onAccept={onAccept} canOpen={canOpen} />
              ))}
            </div>
          )}
        </Section>
        {notCollected.length > 0 ? (
          <Section
            id="not-collected-heading"
            title={`Not collected (${notCollected.length})`}
            description="Not measured, so not counted as passing. Each says what Brickwatch is missing: grant it, and the check is measured."
          >
            <NotCollectedList checks={notCollected} />
          </Section>
        ) : null}
        {accepted.length > 0 ? (
          <Section
            id="accepted-heading"
            title={`Accepted (${accepted.length})`}
            description="Every failing item is accepted until its exception expires."
          >
            <div className="space-y-4">
              {accepted.map((c) => (
                <CheckCard key={c.id} check={c} onAccept={onAccept} canOpen={canOpen} />
              ))}
            </div>
          </Section>
        ) : null}
        {passing.length > 0 ? (
          <Section id="passing-heading" title={`Passing (${passing.length})`}>
            <PassingList checks={passing} />
          </Section>
        ) : null}
        <Section
          id="exceptions-heading"
          title="Exceptions"
          description={
            canAdmin
              ? 'Accept a finding from its check above. Creating, changing, ending and expiry go to the action log.'
              : 'Admins accept findings; you see what is accepted, by whom and until when.'
          }
        >
          {!exceptions ? (
            <p className="text-sm text-muted">Loading the exceptions…</p>
          ) : exceptions.exceptions.length === 0 ? (
            <EmptyState title="No exceptions" description="No finding has been accepted." />
          ) : (
            <ExceptionsTable
              exceptions={exceptions.exceptions}
              onChange={canAdmin ? (exception) => setDialog({ kind: 'change', exception }) : null}
            />
          )}
        </Section>
      </div>
      <ExceptionDialog state={dialog} onClose={() => setDialog(null)} defaultOwner={defaultOwner} />
    </>
  );
}
