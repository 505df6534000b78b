'use client';
// Who may use a scope: each ACL entry by display name and kind, who has left, and (for admins) change or remove.
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import type { AclEntryView, ScopeDetail } from '@/lib/secrets/contract';
import { isEveryone } from '@/lib/secrets/rules/findings';
import { PERMISSION_HELP } from './format';
import { PrincipalChip } from './principal-chip';

export function AccessCard({
  scope,
  canAct,
  onEdit,
  onRemove,
}: {
  scope: ScopeDetail;
  canAct: boolean;
  /** null: add a new entry. */
  onEdit: (entry: AclEntryView | null) => void;
  onRemove: (entry: AclEntryView) => void;
}) {
  return (
    <Card
      title="Access"
      description="MANAGE also changes this list and deletes the scope; WRITE writes and deletes secrets; READ reads them. Workspace admins can always manage."
      actions={
        canAct && scope.acls ? (
          <Button size="sm" variant="primary" onClick={() => onEdit(null)}>
            Give access…
          </Button>
        ) : null
      }
    >
      {scope.acls === null ? (
        <DegradedNotice
          what="access list"
          reason={
            scope.access.acls.state === 'denied'
              ? `reading who may use this scope needs MANAGE on it (${scope.access.acls.reason})`
              : (scope.access.acls.reason ?? 'Databricks did not answer')
          }
        />
      ) : scope.acls.length === 0 ? (
        <p className="text-sm text-muted">Nobody is listed: only workspace admins can use this scope.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Who may use {scope.name}</caption>
          <thead>
            <tr className="text-left text-xs text-muted">
              <th scope="col" className="pb-2 font-semibold">
                Principal
              </th>
              <th scope="col" className="pb-2 font-semibold">
                Permission
              </th>
              {canAct ? (
                <th scope="col" className="pb-2">
                  <span className="sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {scope.acls.map((a) => (
              <tr key={a.principal} className="border-t border-border align-top">
                <td className="py-2 pr-3">
                  <PrincipalChip principal={{ name: a.principal, kind: a.kind, displayName: a.displayName, status: a.status }} />
                  {isEveryone(a.principal) ? <span className="mt-1 block text-xs text-muted">Every user of the workspace</span> : null}
                </td>
                <td className="py-2 pr-3">
                  <Badge tone={a.permission === 'MANAGE' ? 'accent' : a.permission === 'WRITE' ? 'info' : 'neutral'}>{a.permission}</Badge>
                  <span className="mt-1 block text-xs text-muted">{PERMISSION_HELP[a.permission]}</span>
                </td>
                {canAct ? (
                  <td className="py-2 text-right whitespace-nowrap">
                    <Button size="sm" onClick={() => onEdit(a)} aria-label={`Change the permission of ${a.principal}`}>
                      Change…
                    </Button>{' '}
                    <Button size="sm" variant="ghost-danger" onClick={() => onRemove(a)} aria-label={`Remove ${a.principal}`}>
                      Remove
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
