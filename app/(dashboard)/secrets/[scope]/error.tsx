'use client';
import { RouteError } from '@/components/shell/route-error';

export default function ScopeError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} what="the secret scope" />;
}
