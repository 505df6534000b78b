import type { ReactNode } from 'react';
import { GrantsFrame } from '@/components/grants/grants-view';
import { requireRole } from '@/lib/auth/session';

// The role is decided here, above this segment's loading.tsx, so a refusal is sent as a 403 before anything streams.
// The header and the tabs are here too, so they stay while another tab's route loads.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole('analyst');
  return <GrantsFrame>{children}</GrantsFrame>;
}
