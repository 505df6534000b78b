import { SignOutButton } from '@/components/auth/sign-out-button';
import type { AppConfig } from '@/lib/config';
import { ROLE_LABELS, ROLES } from '@/lib/roles';
import { BrandMark } from './brand';

/** Signed in, but no group maps to a Brickwatch role: say so plainly, and say how to get access. Never an empty dashboard. */
export function NotAuthorized({
  displayName,
  userName,
  roleGroups,
}: {
  displayName: string;
  userName: string;
  roleGroups: AppConfig['roleGroups'];
}) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg space-y-5 rounded-lg border border-border bg-surface p-6 shadow-card">
        <BrandMark className="size-9" />
        <div className="space-y-2">
          <h1 className="text-lg font-semibold">You are not authorized to use Brickwatch</h1>
          <p className="text-sm text-muted">
            You are signed in as <strong className="text-fg">{displayName}</strong> ({userName}), but none of your workspace groups gives a
            Brickwatch role.
          </p>
        </div>
        <div className="text-sm">
          <p className="mb-2">Ask a workspace admin to add you to one of these groups:</p>
          <ul className="space-y-1 rounded-md bg-surface-2 p-3">
            {[...ROLES].reverse().map((role) => (
              <li key={role} className="flex justify-between gap-4">
                <span className="font-mono text-xs">{roleGroups[role].join(', ')}</span>
                <span className="text-xs text-muted">{ROLE_LABELS[role]}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-muted">Group changes take effect within 15 minutes, or at your next sign-in.</p>
        </div>
        <SignOutButton variant="secondary" />
      </div>
    </main>
  );
}
