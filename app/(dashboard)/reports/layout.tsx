import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/session';

// The role is decided here, above this segment's loading.tsx, so a refusal is sent as a 403 before anything streams.
export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole('manager');
  return children;
}
