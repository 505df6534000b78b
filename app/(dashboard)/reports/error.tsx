'use client';
import { RouteError } from '@/components/shell/route-error';

export default function ReportsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <RouteError error={error} reset={reset} what="the weekly reports" />;
}
