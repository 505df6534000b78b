import { SignOutButton } from '@/components/auth/sign-out-button';
import { BrandMark } from './brand';
import { RefreshEvery } from './refresh-every';

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/**
 * Signed in, but the workspace has not confirmed the person's role for too long (SCIM unreachable), so the role is
 * dropped rather than trusted. Says why, and comes back by itself: the page re-asks the server every few seconds, and
 * the server re-checks the role, so the dashboard returns as soon as the workspace answers.
 */
export function RoleUnverified({
  displayName,
  unconfirmedMinutes,
  recheckMinutes,
  refreshSeconds,
}: {
  displayName: string;
  unconfirmedMinutes: number;
  recheckMinutes: number;
  refreshSeconds: number;
}) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <RefreshEvery seconds={refreshSeconds} />
      <div className="w-full max-w-lg space-y-5 rounded-lg border border-border bg-surface p-6 shadow-card">
        <BrandMark className="size-9" />
        <div className="space-y-2">
          <h1 className="text-lg font-semibold">Your Brickwatch role could not be confirmed</h1>
          <p className="text-sm text-muted">
            Brickwatch re-reads your role from your workspace groups every {minutes(recheckMinutes)}. The Databricks workspace has not
            answered for {minutes(unconfirmedMinutes)}, and a role that cannot be checked is not trusted, so your access is paused,{' '}
            <strong className="text-fg">{displayName}</strong>.
          </p>
        </div>
        <p role="status" className="rounded-md bg-surface-2 p-3 text-sm">
          Nothing needs doing on your side: this page checks again by itself and opens the dashboard as soon as the workspace answers.
        </p>
        <SignOutButton variant="secondary" />
      </div>
    </main>
  );
}
