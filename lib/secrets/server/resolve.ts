// A principal name from an ACL or the audit log as the page shows it. Without the directory nothing is claimed about
// it (status `unknown`), except that the all-users groups are groups.
import 'server-only';
import type { PrincipalIndex } from '@/lib/principals/rules';
import type { ActorView } from '@/lib/secrets/contract';
import { isEveryone } from '@/lib/secrets/rules/findings';

export function resolveName(name: string, index: PrincipalIndex | null): ActorView {
  if (index) {
    const p = index.resolve(name);
    return { name, kind: p.kind, displayName: p.displayName, status: p.status };
  }
  const everyone = isEveryone(name);
  return { name, kind: everyone ? 'group' : 'unknown', displayName: everyone ? name : null, status: everyone ? 'active' : 'unknown' };
}
