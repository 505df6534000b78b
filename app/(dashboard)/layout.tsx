import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { NotAuthorized } from '@/components/shell/not-authorized';
import { RoleUnverified } from '@/components/shell/role-unverified';
import { THEME_COOKIE, themeChoice } from '@/components/shell/theme';
import { requireSession } from '@/lib/auth/session';
import { ROLE_RECHECK_S, ROLE_RETRY_UNVERIFIED_S } from '@/lib/auth/session-token';
import { getConfig } from '@/lib/config';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const auth = await requireSession();
  const config = getConfig();
  if (!auth.role && auth.roleUnverified) {
    return (
      <RoleUnverified
        displayName={auth.displayName}
        unconfirmedMinutes={Math.floor(auth.roleUnconfirmedForS / 60)}
        recheckMinutes={ROLE_RECHECK_S / 60}
        refreshSeconds={ROLE_RETRY_UNVERIFIED_S / 2}
      />
    );
  }
  if (!auth.role) return <NotAuthorized displayName={auth.displayName} userName={auth.userName} roleGroups={config.roleGroups} />;
  const theme = themeChoice((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell
      person={{ displayName: auth.displayName, userName: auth.userName, role: auth.role }}
      workspaceHost={config.databricks.host}
      theme={theme}
    >
      {children}
    </AppShell>
  );
}
