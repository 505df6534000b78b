import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { IdentityMode } from '@/lib/config';
import type { Role } from '@/lib/roles';
import { ROLE_LABELS } from '@/lib/roles';

export interface IdentityCardsProps {
  workspace: { host: string; warehouse: string };
  person: { displayName: string; userName: string; role: Role };
  acting: { mode: IdentityMode; kind: 'user' | 'service-principal' | 'token'; name: string };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const ACTING: Record<IdentityCardsProps['acting']['kind'], string> = {
  user: 'You, with your own OAuth token',
  'service-principal': 'Service principal (OAuth M2M)',
  token: 'Personal access token',
};

export function IdentityCards({ workspace, person, acting }: IdentityCardsProps) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card title="Workspace">
        <dl className="space-y-3">
          <Field label="Host">
            <a href={workspace.host} target="_blank" rel="noreferrer noopener" className="font-mono text-sm text-accent hover:underline">
              {new URL(workspace.host).host}
            </a>
          </Field>
          <Field label="SQL warehouse">
            <span className="font-mono text-sm">{workspace.warehouse}</span>
          </Field>
        </dl>
      </Card>
      <Card title="You">
        <dl className="space-y-3">
          <Field label="Signed in as">
            {person.displayName} <span className="text-muted">({person.userName})</span>
          </Field>
          <Field label="Brickwatch role">
            <Badge tone={person.role === 'admin' ? 'accent' : 'neutral'}>{ROLE_LABELS[person.role]}</Badge>
          </Field>
        </dl>
      </Card>
      <Card title="Brickwatch acts as">
        <dl className="space-y-3">
          <Field label={`${acting.mode === 'user' ? 'User' : 'Service'} identity mode`}>{ACTING[acting.kind]}</Field>
          {acting.kind !== 'user' ? (
            <Field label={acting.kind === 'service-principal' ? 'Application id' : 'Identity'}>
              <span className="font-mono text-xs whitespace-nowrap">{acting.name}</span>
            </Field>
          ) : null}
        </dl>
        <p className="mt-3 text-xs text-muted">
          {acting.mode === 'user'
            ? 'Databricks enforces your own permissions, and its audit log names you.'
            : 'Brickwatch’s roles are the gate; every change is written to the action log with your name.'}
        </p>
      </Card>
    </div>
  );
}
