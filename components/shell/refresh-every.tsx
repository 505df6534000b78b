'use client';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the current page from the server every `seconds`, so a page waiting on the workspace recovers by itself. */
export function RefreshEvery({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
