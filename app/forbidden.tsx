import Link from 'next/link';
import { NotAuthorized } from '@/components/shell/not-authorized';
import { RoleUnverified } from '@/components/shell/role-unverified';
import { buttonClass } from '@/components/ui/button';
import { getAuth } from '@/lib/auth/session';
import { ROLE_RECHECK_S, ROLE_RETRY_UNVERIFIED_S } from '@/lib/auth/session-token';
import { getConfig } from '@/lib/config';

// Rendered by forbidden() with HTTP 403: by the dashboard layout for someone with no Brickwatch role (none of their
// groups maps to one, or the workspace has not confirmed it for too long), and by an
// area's layout (requireRole) for someone whose role is too low. Both decide before anything streams.
export default async function Forbidden() {
  const auth = await getAuth();
  if (auth && !auth.role && auth.roleUnverified) {
    return (
      <RoleUnverified
        displayName={auth.displayName}
        unconfirmedMinutes={Math.floor(auth.roleUnconfirmedForS / 60)}
        recheckMinutes={ROLE_RECHECK_S / 60}
        refreshSeconds={ROLE_RETRY_UNVERIFIED_S / 2}
      />
    );
  }
  if (auth && !auth.role) {
    return <NotAuthorized displayName={auth.displayName} userName={auth.userName} roleGroups={getConfig().roleGroups} />;
  }
  return (
    // A <div>: this renders inside the signed-in shell, which already has the <main> landmark.
    <div className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center gap-4 px-4 py-12">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">403 · Not allowed</p>
      <h1 className="text-xl font-semibold">This page needs a higher Brickwatch role</h1>
      <p className="text-sm text-muted">
        Your role comes from your workspace groups. If you need this view, ask a workspace admin to add you to the right group.
      </p>
      <div>
        <Link href="/" className={buttonClass('primary')}>
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
