'use client';
import { useEffect } from 'react';

/**
 * Loads the current page again from the server every `seconds`, so a page waiting on the workspace recovers by
 * itself. A full load rather than router.refresh(): this page is a forbidden() fallback, and the client router keeps
 * a fallback it has shown until the next navigation, even when the server would now render the dashboard.
 */
export function RefreshEvery({ seconds }: { seconds: number }) {
  useEffect(() => {
    const timer = setInterval(() => window.location.reload(), seconds * 1000);
    return () => clearInterval(timer);
  }, [seconds]);
  return null;
}
