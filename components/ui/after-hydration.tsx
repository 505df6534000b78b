'use client';
// A component whose code loads only after the page is interactive: dialogs and drawers that start closed, so nothing of
// them is on the first screen. Rendered nothing on the server and during hydration (no mismatch). Sections the server
// renders use next/dynamic instead (its HTML preloads their chunk, so they are live as soon as the page is); this is
// React's own lazy() and Suspense, so a page without such sections does not ship next/dynamic's loader (~1.5 kB gzip).
// A chunk that fails to load (a deploy removed it, the network dropped) costs that dialog, never the page.
import { Component, lazy, Suspense, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

const subscribe = () => () => {};

class NothingOnError extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    console.error('A part of this page could not be loaded; reload the page to try again.', error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function afterHydration<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function AfterHydration(props: P) {
    const hydrated = useSyncExternalStore(
      subscribe,
      () => true,
      () => false,
    );
    return hydrated ? (
      <NothingOnError>
        <Suspense fallback={null}>
          <Lazy {...props} />
        </Suspense>
      </NothingOnError>
    ) : null;
  }
  return AfterHydration;
}
