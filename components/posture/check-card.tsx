'use client';
// One failing (or accepted) check: why, the offending objects (linked), what is accepted and until when, and the fix.
import Link from 'next/link';
import { useState } from 'react';
import { Badge, RiskBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { CheckResultView, EvidenceItem } from '@/lib/posture/contract';
import { plural } from '@/lib/posture/rules/verdict';

/** Items shown before "Show all": a check can find hundreds; the first few say what kind of problem it is. */
const FIRST = 5;

export interface AcceptTarget {
  check: CheckResultView;
  item: EvidenceItem | null;
}

/** Whether the viewer's role may open a Brickwatch page (a manager may not open /tokens); workspace links are left as they are. */
export type CanOpen = (href: string) => boolean;

export function CheckCard({
  check,
  onAccept,
  canOpen,
}: {
  check: CheckResultView;
  onAccept: ((t: AcceptTarget) => void) | null;
  canOpen: CanOpen;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? check.evidence : check.evidence.slice(0, FIRST);
  const hidden = check.evidenceTotal - shown.length;
  const open = check.evidenceTotal - check.acceptedTotal;
  return (
    <article aria-labelledby={`check-${check.id}`} className="rounded-lg border border-border bg-surface shadow-card">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-4 py-3">
        <div className="min-w-0 space-y-1">
          <h3 id={`check-${check.id}`} className="text-sm font-semibold">
            <span className="mr-1.5 text-muted tabular-nums">{check.number}.</span>
            {check.title}
          </h3>
          <p className="text-sm">{check.reason}</p>
          <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
            <RiskBadge level={check.severity} />
            <span>{check.category}</span>
            {check.status === 'accepted' ? <Badge tone="info">Accepted</Badge> : null}
            {check.acceptedTotal > 0 && check.status === 'fail' ? (
              <span>
                {plural(check.acceptedTotal, 'item')} accepted, {plural(open, 'item')} open
              </span>
            ) : null}
          </div>
        </div>
        {onAccept && check.status === 'fail' && !check.exception ? (
          <Button size="sm" onClick={() => onAccept({ check, item: null })}>
            Accept the whole check…
          </Button>
        ) : null}
      </header>
      {check.exception ? (
        <p className="border-b border-border bg-info-soft px-4 py-2 text-xs">
          Accepted until {check.exception.expiresOn} (owner {check.exception.owner}): {check.exception.reason}
        </p>
      ) : null}
      <ul className="divide-y divide-border" aria-label={`Evidence for ${check.title}`}>
        {shown.map((e) => (
          <li key={e.key} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2 text-sm">
            <div className="min-w-0 flex-1">
              {e.href && canOpen(e.href) ? (
                <EvidenceLink href={e.href} label={e.label} />
              ) : (
                <span className="font-medium [overflow-wrap:anywhere]">{e.label}</span>
              )}
              <span className="text-muted"> — {e.detail}</span>
              {e.accepted && !check.exception ? (
                <span className="mt-0.5 block text-xs text-info">
                  Accepted until {e.accepted.expiresOn} (owner {e.accepted.owner}): {e.accepted.reason}
                </span>
              ) : null}
            </div>
            {e.accepted ? (
              <Badge tone="info">Accepted</Badge>
            ) : onAccept ? (
              <Button size="sm" variant="ghost" onClick={() => onAccept({ check, item: e })} aria-label={`Accept ${e.label}`}>
                Accept…
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden > 0 || (all && check.evidence.length > FIRST) ? (
        <div className="border-t border-border px-4 py-2 text-xs text-muted">
          {check.evidence.length > FIRST ? (
            <Button size="sm" variant="ghost" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show ${check.evidence.length - FIRST} more`}
            </Button>
          ) : null}
          {check.evidenceTotal > check.evidence.length ? (
            <span className="ml-2">
              {plural(check.evidenceTotal - check.evidence.length, 'more item')} not listed here; the fix page has them all.
            </span>
          ) : null}
        </div>
      ) : null}
      {check.notes.length > 0 ? (
        <ul className="space-y-1 border-t border-border px-4 py-2 text-xs text-muted">
          {check.notes.map((n) => (
            <li key={n}>Not read: {n}</li>
          ))}
        </ul>
      ) : null}
      <footer className="flex flex-wrap items-center justify-between gap-3 border-t border-border bg-surface-2 px-4 py-2.5 text-sm">
        <p className="min-w-0 flex-1 text-muted">{check.fix.text}</p>
        <FixLink fix={check.fix} canOpen={canOpen} />
      </footer>
    </article>
  );
}

function EvidenceLink({ href, label }: { href: string; label: string }) {
  const cls = 'font-medium text-accent underline-offset-2 hover:underline [overflow-wrap:anywhere]';
  return href.startsWith('/') ? (
    <Link href={href} className={cls}>
      {label}
    </Link>
  ) : (
    <a href={href} target="_blank" rel="noreferrer" className={cls}>
      {label}
    </a>
  );
}

export function FixLink({ fix, canOpen }: { fix: CheckResultView['fix']; canOpen: CanOpen }) {
  const cls = 'shrink-0 text-sm font-medium text-accent underline-offset-2 hover:underline';
  if (!fix.external && !canOpen(fix.href))
    return (
      <span className="shrink-0 text-sm text-muted">Fixed on the {fix.label.replace(/^Open /, '')} page, which your role cannot open</span>
    );
  return fix.external ? (
    <a href={fix.href} target="_blank" rel="noreferrer" className={cls}>
      {fix.label} <span aria-hidden>↗</span>
      <span className="sr-only"> (opens the Databricks workspace in a new tab)</span>
    </a>
  ) : (
    <Link href={fix.href} className={cls}>
      {fix.label} →
    </Link>
  );
}
