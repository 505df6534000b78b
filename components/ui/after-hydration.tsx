'use client';
// A component whose code loads only after the page is interactive: dialogs and drawers that start closed. The same
// as next/dynamic with `ssr: false`, on React's own lazy() and Suspense, so a page does not also ship next/dynamic's
// loader (about 1.5 kB gzip) before its first paint. Rendered nothing on the server and during hydration (no mismatch).
import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';

const subscribe = () => () => {};

export function afterHydration<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function AfterHydration(props: P) {
    const hydrated = useSyncExternalStore(
      subscribe,
      () => true,
      () => false,
    );
    return hydrated ? (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    ) : null;
  }
  return AfterHydration;
}
