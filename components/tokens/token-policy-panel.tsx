'use client';
// The workspace's token policy: maximum lifetime of new tokens, whether PATs are on, and who may create them.
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DegradedNotice } from '@/components/ui/degraded-notice';
import { InlineStatus } from '@/components/ui/inline-status';
import { dayCount } from '@/lib/tokens/contract';
import type { TokenPolicyAssessment } from '@/lib/tokens/rules/policy';
import { afterHydration } from '@/components/ui/after-hydration';

// Loaded when the page is live, not with its first screen: nobody edits the policy before seeing it.
const PolicyDialog = afterHydration(() => import('./policy-dialog').then((m) => m.PolicyDialog));

const KIND: Record<'user' | 'group' | 'service_principal', string> = {
  user: 'person',
  group: 'group',
  service_principal: 'service principal',
};

export function TokenPolicyPanel({ policy, canAct, reason }: { policy: TokenPolicyAssessment; canAct: boolean; reason?: string }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Workspace token policy"
      description="Applies to new tokens; existing tokens keep their expiry."
      actions={
        canAct && policy.confCollected ? (
          <Button size="sm" onClick={() => setEditing(true)}>
            Change maximum…
          </Button>
        ) : null
      }
    >
      <div className="space-y-3 text-sm">
        {policy.confCollected ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
            <dt className="text-muted">Maximum lifetime</dt>
            <dd className="font-medium tabular-nums">
              {policy.maxLifetimeDays === null ? 'No maximum set' : dayCount(policy.maxLifetimeDays)}
            </dd>
            <dt className="text-muted">Personal access tokens</dt>
            <dd className="font-medium">{policy.tokensEnabled === null ? 'On (default)' : policy.tokensEnabled ? 'On' : 'Off'}</dd>
          </dl>
        ) : (
          <DegradedNotice what="lifetime maximum" reason={reason ?? 'workspace-conf could not be read'} />
        )}
        <div className="space-y-1.5">
          <p className="text-muted">Who may create tokens</p>
          {policy.creators === null ? (
            <p className="text-muted">Not collected (token permissions could not be read).</p>
          ) : policy.creators.length === 0 ? (
            <p>Nobody has CAN_USE.</p>
          ) : (
            <ul className="flex flex-wrap gap-1.5">
              {policy.creators.map((c) => (
                <li key={`${c.kind}:${c.name}:${c.level}`}>
                  <Badge tone={c.kind === 'group' && c.name === 'users' ? 'warning' : 'neutral'} title={`${KIND[c.kind]} · ${c.level}`}>
                    {c.displayName ?? c.name} · {c.level === 'CAN_MANAGE' ? 'manage' : 'use'}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
        {policy.findings.map((f) => (
          <InlineStatus key={f.code} tone={f.level === 'warning' ? 'warning' : 'info'}>
            {f.text}
          </InlineStatus>
        ))}
      </div>
      {canAct ? <PolicyDialog open={editing} onClose={() => setEditing(false)} current={policy.maxLifetimeDays} /> : null}
    </Card>
  );
}
