// /secrets/{scope} (analyst and up): one scope. The server checks the role and the name, and starts reading the scope;
// the client renders it when Databricks and the audit log have answered.
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { getWorkspace } from '@/lib/databricks/get-workspace';
import { getServerQueryClient } from '@/lib/query/server';
import { hasRole } from '@/lib/roles';
import { secretQueries } from '@/lib/secrets/queries';
import { scopeNameProblem } from '@/lib/secrets/rules/names';
import { scopeDetailView } from '@/lib/secrets/server/view';
import { ScopeClient } from './client';

/** The scope named in the address; null when it is not even well-formed (a stray %). */
function scopeFrom(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ scope: string }> }): Promise<Metadata> {
  return { title: `${scopeFrom((await params).scope) ?? 'Scope'} · Secrets` };
}

export default async function ScopePage({ params }: { params: Promise<{ scope: string }> }) {
  const user = await requireRole('analyst');
  const name = scopeFrom((await params).scope);
  // No name Databricks would accept: there is nothing to look up.
  if (name === null || scopeNameProblem(name)) notFound();
  const workspace = getWorkspace(user);
  const queryClient = getServerQueryClient();
  // Awaited, as on /secrets: the answer arrives with the page, so the server's HTML and the browser's first render agree.
  await queryClient.prefetchQuery({ ...secretQueries.scope(name), queryFn: () => scopeDetailView(workspace, name) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ScopeClient name={name} canAct={hasRole(user.role, 'admin')} />
    </HydrationBoundary>
  );
}
