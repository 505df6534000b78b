import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInButtons } from '@/components/auth/sign-in-buttons';
import { BrandMark } from '@/components/shell/brand';
import { InlineStatus } from '@/components/ui/inline-status';
import { SIGN_IN_REFUSALS } from '@/lib/auth/oidc-identity';
import { getAuth } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Sign in' };

// next-auth's error codes and our own sign-in refusals, in words a person can act on.
const ERRORS: Record<string, string> = {
  ...SIGN_IN_REFUSALS,
  OAuthSignin: 'Could not start signing in with the identity provider. Check that it is reachable and try again.',
  OAuthCallback: 'The identity provider sent you back without a usable answer. Try again.',
  OAuthCreateAccount: 'Could not read your identity from the workspace. Try again.',
  Callback: 'Signing in failed while reading your groups from the workspace. Try again in a moment.',
  AccessDenied: 'The identity provider refused the sign-in.',
  SessionRequired: 'Sign in to continue.',
  Configuration: 'Sign-in is not configured correctly on the server. An administrator needs to check the server log.',
};

function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  // Only paths on this site; anything else (//evil.example, https://...) goes home.
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getAuth()) redirect(callbackUrl);
  const config = getConfig();
  const providers = [
    ...(config.signIn.databricks ? [{ id: 'databricks', label: 'Sign in with Databricks' }] : []),
    ...(config.signIn.oidc ? [{ id: 'oidc', label: `Sign in with ${config.signIn.oidc.name}` }] : []),
  ];
  const errorCode = typeof params.error === 'string' ? params.error : null;
  const host = new URL(config.databricks.host).host;

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="flex flex-col items-center gap-3 text-center">
          <BrandMark className="size-10" />
          <div>
            <h1 className="text-xl font-semibold tracking-tight">Sign in to Brickwatch</h1>
            <p className="mt-1 text-sm text-muted">Security posture of the Databricks workspace</p>
          </div>
        </div>
        <div className="space-y-4 rounded-lg border border-border bg-surface p-6 shadow-card">
          {params.signedOut ? <InlineStatus tone="success">You are signed out.</InlineStatus> : null}
          {errorCode ? (
            <InlineStatus tone="danger">
              {(Object.hasOwn(ERRORS, errorCode) ? ERRORS[errorCode] : undefined) ?? 'Signing in did not work. Try again.'}
            </InlineStatus>
          ) : null}
          <dl className="rounded-md bg-surface-2 px-3 py-2 text-xs">
            <dt className="text-muted">Workspace</dt>
            <dd className="truncate font-mono" title={config.databricks.host}>
              {host}
            </dd>
          </dl>
          <SignInButtons providers={providers} callbackUrl={callbackUrl} />
          <p className="text-xs text-muted">
            {config.identityMode === 'user'
              ? 'Brickwatch will act with your own Databricks permissions; what you can see and change is what Databricks allows you.'
              : 'Your Brickwatch role comes from your workspace groups. Every change you make is recorded with your name.'}
          </p>
        </div>
      </div>
    </main>
  );
}
