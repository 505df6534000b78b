'use client';
// The findings: where (path and line), what kind of credential, the masked preview, the owner, when first seen. The
// path is a button that opens the finding's detail (keyboard and touch), and wraps only after a slash.
import { createColumnHelper, type ColumnDef } from '@/components/ui/table-model';
import { useMemo, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import type { Finding } from '@/lib/code-scan/contract';
import { DETECTOR_LABELS } from '@/lib/code-scan/rules/detector-ids';
import { pathSegments } from './format';

const col = createColumnHelper<Finding>();

const CONTEXT_LABELS: Record<Finding['context'], string> = {
  code: 'in code',
  comment: 'in a comment',
  shell: 'in a shell command',
  text: 'in a text cell',
  config: 'in a config file',
};

// The table says how the owner was found in two words; the finding's detail has the full note.
const OWNER_SOURCE_SHORT: Record<Finding['owner']['source'], string> = {
  'audit-log': 'created it',
  folder: 'manages the folder',
  none: 'no named owner',
  unavailable: 'not collected',
  pending: 'looking up',
};

export const ownerLabel = (o: Finding['owner']) =>
  o.principal?.displayName ?? o.name ?? (o.source === 'pending' ? 'Looking up…' : 'No owner');

export function WrappingPath({ path }: { path: string }) {
  return (
    <>
      {pathSegments(path).map((s, i) => (
        <span key={i}>
          {s}
          <wbr />
        </span>
      ))}
    </>
  );
}

function TwoLines({ main, detail, title }: { main: ReactNode; detail: ReactNode; title?: string }) {
  return (
    <div className="min-w-0" title={title}>
      <div>{main}</div>
      <div className="text-xs text-muted">{detail}</div>
    </div>
  );
}

function columns(onOpen: (id: string) => void) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns of every value type
  const list: ColumnDef<Finding, any>[] = [
    col.accessor('path', {
      header: 'Where',
      cell: ({ row: { original: f } }) => (
        <TwoLines
          main={
            <button
              type="button"
              onClick={(e) => {
                e.stopPropagation();
                onOpen(f.id);
              }}
              className="text-left font-medium text-accent hover:underline"
            >
              <WrappingPath path={f.path} />
            </button>
          }
          detail={
            <>
              line {f.line}
              {f.inGitFolder ? ' · Git folder' : ''}
              {f.stale ? ' · not seen by the last scan' : ''}
            </>
          }
        />
      ),
      meta: { label: 'Path', className: 'min-w-64 max-w-md', csv: (f: Finding) => `${f.path}:${f.line}` },
    }),
    col.accessor((f) => DETECTOR_LABELS[f.detector], {
      id: 'detector',
      header: 'Credential',
      cell: ({ row: { original: f } }) => <TwoLines main={DETECTOR_LABELS[f.detector]} detail={CONTEXT_LABELS[f.context]} />,
      meta: { className: 'min-w-44' },
    }),
    col.accessor('preview', {
      header: 'Preview',
      // A webhook's preview is a URL: it may wrap after a slash, never inside the masked part.
      cell: (c) => (
        <code className="font-mono text-xs">
          <WrappingPath path={c.getValue<string>()} />
        </code>
      ),
      meta: { className: 'max-w-64' },
    }),
    col.accessor((f) => ownerLabel(f.owner), {
      id: 'owner',
      header: 'Owner',
      cell: ({ row: { original: f } }) => (
        <TwoLines
          title={f.owner.name ?? undefined}
          main={
            <span className="flex flex-wrap items-center gap-1.5">
              <span className="break-words">{ownerLabel(f.owner)}</span>
              {f.owner.principal && f.owner.principal.status !== 'active' ? <Badge tone="warning">{f.owner.principal.status}</Badge> : null}
            </span>
          }
          detail={OWNER_SOURCE_SHORT[f.owner.source]}
        />
      ),
      meta: { className: 'w-52' },
    }),
    col.accessor('firstSeenAt', {
      header: 'First found',
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{c.getValue<string>().slice(0, 10)}</span>,
      meta: { className: 'w-28' },
    }),
  ];
  return list;
}

export function FindingsTable({
  findings,
  onOpen,
  toolbar,
  empty,
}: {
  findings: readonly Finding[];
  onOpen: (id: string) => void;
  toolbar?: ReactNode;
  empty?: ReactNode;
}) {
  const cols = useMemo(() => columns(onOpen), [onOpen]);
  return (
    <DataTable
      data={findings}
      columns={cols}
      getRowId={(f) => f.id}
      caption="Credentials found in notebooks and files"
      csvFileName="credentials-in-code.csv"
      initialSorting={[{ id: 'path', desc: false }]}
      onRowClick={(f) => onOpen(f.id)}
      toolbar={toolbar}
      empty={empty}
      rowHeight={57}
    />
  );
}
