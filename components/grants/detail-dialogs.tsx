'use client';
// What opens from the matrix: a securable (its owner and SHOW GRANTS), one cell (what a principal holds there and
// where from), and a principal (its full name, and the questions to ask about it).
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { InlineStatus } from '@/components/ui/inline-status';
import { Skeleton } from '@/components/ui/skeleton';
import type { SecurableRow } from '@/lib/grants/contract';
import { grantQueries } from '@/lib/grants/queries';
import type { PrincipalRef } from '@/lib/principals/contract';
import type { ProposedChange } from './apply-dialog';
import { KIND_LABEL, TYPE_LABEL, principalLabel } from './format';
import type { Cell } from './matrix-model';

const readable = (s: Pick<SecurableRow, 'type'>) => s.type === 'TABLE' || s.type === 'VIEW' || s.type === 'VOLUME';

export function SecurableDialog({
  securable,
  canAct,
  onClose,
  onWhoCanRead,
  onChange,
  labelOf = () => null,
}: {
  securable: Pick<SecurableRow, 'type' | 'fullName'> | null;
  canAct: boolean;
  /** A service principal's display name, when the matrix knows it (SHOW GRANTS names it by application id). */
  labelOf?: (name: string) => string | null;
  onClose: () => void;
  onWhoCanRead: (fullName: string) => void;
  onChange: (c: ProposedChange) => void;
}) {
  const { data, error, isPending } = useQuery({
    ...grantQueries.securable(securable?.type ?? 'CATALOG', securable?.fullName ?? ''),
    enabled: securable !== null,
  });
  return (
    <Dialog
      open={securable !== null}
      onClose={onClose}
      size="lg"
      title={securable ? `${TYPE_LABEL[securable.type]} ${securable.fullName}` : ''}
      description={
        data ? (
          <>Owner: {data.owner ? <span className="font-mono">{data.owner}</span> : 'not visible'} (an owner holds every privilege)</>
        ) : null
      }
      footer={
        securable ? (
          <>
            {readable(securable) ? (
              <Button size="sm" onClick={() => onWhoCanRead(securable.fullName)}>
                Who can read this?
              </Button>
            ) : null}
            {canAct ? (
              <Button
                size="sm"
                variant="primary"
                onClick={() =>
                  onChange({
                    action: 'GRANT',
                    privileges: [],
                    securableType: securable.type,
                    securable: securable.fullName,
                    principal: '',
                    editable: true,
                  })
                }
              >
                Grant…
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      {isPending ? <Skeleton className="h-32" /> : null}
      {error ? <InlineStatus tone="danger">{error.message}</InlineStatus> : null}
      {data ? (
        <div className="space-y-2">
          <p className="text-xs text-muted">
            <code className="font-mono">{data.sql}</code> — {data.grants.length === 1 ? '1 grant' : `${data.grants.length} grants`},
            including those inherited from above.
          </p>
          <div className="max-h-80 overflow-auto rounded-md border border-border">
            <table className="w-full text-sm">
              <caption className="sr-only">Grants on {data.fullName}</caption>
              <thead className="sticky top-0 bg-surface-2 text-left text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-1.5">
                    Principal
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    Privilege
                  </th>
                  <th scope="col" className="px-3 py-1.5">
                    Granted on
                  </th>
                  {canAct ? (
                    <th scope="col" className="px-3 py-1.5 sr-only">
                      Action
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.grants.map((g, i) => {
                  const here = (g.objectKey ?? '').toLowerCase() === data.fullName.toLowerCase();
                  return (
                    <tr key={i} className="border-t border-border">
                      <td className="px-3 py-1.5 text-xs">
                        {labelOf(g.principal) ? (
                          <span className="flex flex-col">
                            <span className="font-medium">{labelOf(g.principal)}</span>
                            <span className="font-mono text-muted">{g.principal}</span>
                          </span>
                        ) : (
                          <span className="font-mono">{g.principal}</span>
                        )}
                      </td>
                      <td className="px-3 py-1.5 text-xs">{g.privilege}</td>
                      <td className="px-3 py-1.5 text-xs text-muted">{here ? 'this object' : (g.objectKey ?? '—')}</td>
                      {canAct ? (
                        <td className="px-3 py-1.5 text-right">
                          {here ? (
                            <Button
                              size="sm"
                              variant="ghost-danger"
                              onClick={() =>
                                onChange({
                                  action: 'REVOKE',
                                  privileges: [g.privilege],
                                  securableType: data.type,
                                  securable: data.fullName,
                                  principal: g.principal,
                                })
                              }
                            >
                              Revoke…
                            </Button>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

export function CellDialog({
  target,
  cell,
  canAct,
  onClose,
  onChange,
}: {
  target: { securable: SecurableRow; principal: PrincipalRef } | null;
  cell: Cell | undefined;
  canAct: boolean;
  onClose: () => void;
  onChange: (c: ProposedChange) => void;
}) {
  if (!target) return <Dialog open={false} onClose={onClose} title="" />;
  const { securable: s, principal: p } = target;
  const change = (action: 'GRANT' | 'REVOKE', privileges: string[], editable = false) =>
    onChange({ action, privileges, securableType: s.type, securable: s.fullName, principal: p.name, editable });
  const empty = !cell || (!cell.owner && !cell.direct.length && !cell.inherited.length && !cell.inside.length);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`${principalLabel(p)} on ${s.fullName}`}
      description={`${KIND_LABEL[p.kind]} ${p.name} · ${TYPE_LABEL[s.type].toLowerCase()}`}
      footer={
        canAct ? (
          <Button size="sm" variant="primary" onClick={() => change('GRANT', [], true)}>
            Grant more…
          </Button>
        ) : null
      }
    >
      <ul className="space-y-2 text-sm">
        {empty ? <li className="text-muted">Nothing granted here.</li> : null}
        {cell?.owner ? (
          <li>
            <Badge tone="warning">OWNER</Badge> owns it, so holds every privilege on it and on what it contains.
          </li>
        ) : null}
        {cell?.direct.map((privilege) => (
          <li key={privilege} className="flex items-center justify-between gap-2">
            <span>
              <Badge tone="accent">{privilege}</Badge> granted on this {TYPE_LABEL[s.type].toLowerCase()}
            </span>
            {canAct ? (
              <Button size="sm" variant="ghost-danger" onClick={() => change('REVOKE', [privilege])}>
                Revoke…
              </Button>
            ) : null}
          </li>
        ))}
        {cell?.inherited.map((i) => (
          <li key={`${i.privilege}@${i.from}`}>
            <Badge>{i.privilege}</Badge> inherited from <span className="font-mono">{i.from}</span> (change it there)
          </li>
        ))}
        {cell?.inside.map((i) => (
          <li key={i.privilege}>
            <Badge>{i.privilege}</Badge> granted on {i.objects === 1 ? 'one object' : `${i.objects} objects`} inside (expand the schema to
            see which)
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

export function PrincipalDialog({
  principal,
  onClose,
  onFilter,
  onWhatCanRead,
}: {
  principal: PrincipalRef | null;
  onClose: () => void;
  onFilter: (name: string) => void;
  onWhatCanRead: (name: string) => void;
}) {
  return (
    <Dialog
      open={principal !== null}
      onClose={onClose}
      title={principal ? principalLabel(principal) : ''}
      description={principal ? `${KIND_LABEL[principal.kind]}${principal.status !== 'active' ? ` · ${principal.status}` : ''}` : null}
      footer={
        principal ? (
          <>
            {principal.kind === 'user' || principal.kind === 'service_principal' ? (
              <Button size="sm" onClick={() => onWhatCanRead(principal.name)}>
                What can it read?
              </Button>
            ) : null}
            <Button size="sm" variant="primary" onClick={() => onFilter(principal.name)}>
              Show only this principal
            </Button>
          </>
        ) : null
      }
    >
      {principal ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-muted">Name in grants</dt>
          <dd className="font-mono">{principal.name}</dd>
          {principal.displayName && principal.displayName !== principal.name ? (
            <>
              <dt className="text-muted">Display name</dt>
              <dd>{principal.displayName}</dd>
            </>
          ) : null}
          <dt className="text-muted">Status</dt>
          <dd>{principal.status === 'deleted' ? 'not in the workspace directory' : principal.status}</dd>
        </dl>
      ) : null}
    </Dialog>
  );
}
