'use client';
// One finding in full: where it is, the masked preview (never the value), who owns it and how we know, and the fix —
// rotate, store in a scope, read it back — with the exact commands and the line to paste, each with a copy button.
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { Finding } from '@/lib/code-scan/contract';
import { DETECTOR_LABELS } from '@/lib/code-scan/rules/detector-ids';
import { fixFor } from '@/lib/code-scan/rules/fix';
import { ownerLabel, WrappingPath } from './findings-table';

function CopyBlock({ label, text }: { label: string; text: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-muted">{label}</p>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            navigator.clipboard.writeText(text).then(
              () => setCopied('yes'),
              () => setCopied('failed'),
            )
          }
        >
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Copy failed: select the text' : 'Copy'}
        </Button>
      </div>
      <pre className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs whitespace-pre-wrap">{text}</pre>
    </div>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 py-1.5">
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

export function FindingDetail({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  if (!finding) return null;
  const fix = fixFor({
    detector: finding.detector,
    variable: finding.variable,
    context: finding.context,
    language: finding.language,
    path: finding.path,
    inGitFolder: finding.inGitFolder,
  });
  const o = finding.owner;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={DETECTOR_LABELS[finding.detector]}
      description={
        <>
          {finding.objectType === 'NOTEBOOK' ? 'Notebook' : 'File'}, line {finding.line}
        </>
      }
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <div className="space-y-4">
        <dl className="divide-y divide-border">
          <Row term="Where">
            <span className="font-mono text-xs">
              <WrappingPath path={finding.path} />
            </span>
            <span className="ml-1 text-muted">: line {finding.line}</span>
            {finding.inGitFolder ? (
              <Badge tone="warning" className="ml-2">
                Git folder
              </Badge>
            ) : null}
          </Row>
          <Row term="Preview">
            <code className="font-mono text-xs" aria-describedby="masked-note">
              {finding.preview}
            </code>
            <p id="masked-note" className="text-xs text-muted">
              Masked: Brickwatch never stores or shows the value.
            </p>
          </Row>
          {finding.variable ? (
            <Row term="Assigned to">
              <code className="font-mono text-xs">{finding.variable}</code>
            </Row>
          ) : null}
          <Row term="Owner">
            <span>{ownerLabel(o)}</span>
            {o.principal?.displayName && o.name && o.principal.displayName !== o.name ? (
              <span className="ml-1 text-muted">({o.name})</span>
            ) : null}
            {o.principal && o.principal.status !== 'active' ? (
              <Badge tone="warning" className="ml-2">
                {o.principal.status}
              </Badge>
            ) : null}
            {o.note ? <p className="text-xs text-muted">{o.note}</p> : null}
          </Row>
          <Row term="Found">
            first {finding.firstSeenAt.slice(0, 10)}, last read {finding.scannedAt.slice(0, 10)}
            {finding.stale ? (
              <p className="text-xs text-warning">The last scan could not see this object; this finding may be out of date.</p>
            ) : null}
          </Row>
        </dl>

        <section className="space-y-3" aria-label="How to fix it">
          <h3 className="text-sm font-semibold">How to fix it</h3>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {fix.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          {finding.context !== 'comment' && finding.context !== 'text' ? (
            <>
              <CopyBlock label="Store the new value (the CLI asks for it; never paste it into a notebook)" text={fix.setup} />
              <CopyBlock label={`Replace line ${finding.line} with`} text={fix.snippet} />
            </>
          ) : null}
        </section>
      </div>
    </Dialog>
  );
}
