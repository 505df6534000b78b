// An audit actor as people know it: a service principal by its display name (its application id on hover, and in the
// drawer), a person by the user name the audit log records; and, for a change made through Brickwatch, who made it,
// linked to their Activity entry. Identifiers never wrap inside themselves.
import Link from 'next/link';
import { activityEntryHref } from '@/lib/activity/links';
import type { ActorRef, ViaRef } from '@/lib/audit/contract';

/** The name to show for an actor: a service principal's display name, else what the audit log recorded. */
export function actorName(actor: string | null, ref: ActorRef | null | undefined): string {
  if (ref?.kind === 'service_principal' && ref.displayName) return ref.displayName;
  return actor ?? 'unknown actor';
}

export function ActorName({ actor, actorRef }: { actor: string | null; actorRef?: ActorRef | null }) {
  const sp = actorRef?.kind === 'service_principal' && actorRef.displayName;
  return (
    <span className="whitespace-nowrap" title={sp ? `Service principal ${actor}` : undefined}>
      {actorName(actor, actorRef)}
      {sp ? <span className="sr-only"> (service principal {actor})</span> : null}
    </span>
  );
}

export function ViaBrickwatch({ via }: { via: ViaRef }) {
  return (
    <span className="text-xs">
      via Brickwatch by{' '}
      <Link href={activityEntryHref(via.seq)} title={`Matched on ${via.basis}`} className="font-medium text-accent hover:underline">
        {via.personName ?? via.person}
      </Link>
    </span>
  );
}
