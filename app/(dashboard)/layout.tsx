import { cookies } from 'next/headers';
import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { THEME_COOKIE, themeChoice } from '@/components/shell/theme';
import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const auth = await requireSession();
  const config = getConfig();
  // No role (none of the person's groups maps to one, or the workspace could not confirm it lately): app/forbidden.tsx
  // says which and what to do, with a 403.
  if (!auth.role) forbidden();
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
