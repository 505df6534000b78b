// The functions used as masks and row filters: who each shows raw values to (when its body says so plainly), its
// body, and which tables use it.
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { FunctionView } from '@/lib/data-protection/contract';

function rawText(f: FunctionView): string {
  if (!f.raw) return f.note ?? (f.usedAs.includes('mask') ? 'Depends on the function.' : 'Decides row by row.');
  const who = [...f.raw.groups.map((g) => `members of ${g}`), ...f.raw.users].join(', ') || 'nobody';
  return f.raw.rawFor === 'members' ? `Raw values for ${who}; masked for everyone else.` : `Masked for ${who}; raw for everyone else.`;
}

export function FunctionsPanel({ functions }: { functions: FunctionView[] }) {
  return (
    <Card title="Masking and filter functions" description="Every function in use, and the tables that use it.">
      {functions.length === 0 ? (
        <p className="text-sm text-muted">No masks or row filters are in use.</p>
      ) : (
        <ul className="divide-y divide-border">
          {functions.map((f) => (
            <li key={f.name} className="space-y-1.5 py-3 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-sm font-medium">{f.name}</span>
                {f.usedAs.map((u) => (
                  <Badge key={u} tone={u === 'mask' ? 'accent' : 'info'}>
                    {u === 'mask' ? 'column mask' : 'row filter'}
                  </Badge>
                ))}
                {f.owner ? <span className="text-xs text-muted">owner {f.owner}</span> : null}
              </div>
              <p className="text-sm">{rawText(f)}</p>
              {f.body ? <code className="block rounded bg-surface-2 px-2 py-1 font-mono text-xs whitespace-pre-wrap">{f.body}</code> : null}
              <p className="text-xs text-muted">
                Used by{' '}
                {f.usedBy.map((u, i) => (
                  <span key={`${u.table}.${u.column}`}>
                    {i > 0 ? ', ' : ''}
                    <span className="font-mono">{u.column ? `${u.table}.${u.column}` : u.table}</span>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
