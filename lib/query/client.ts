// React Query clients exactly as the TanStack "Advanced Server Rendering" guide says: a new client for every server
// request (a module-level one would leak one person's data into another's page), one client in the browser.
import { defaultShouldDehydrateQuery, isServer, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiClientError } from './api-error';

/**
 * Brickwatch's API has already retried Databricks within its own budget before answering an error, so asking again at
 * once only makes a person wait longer for the same answer: API errors are final here. Only a request that never got
 * an answer (the network) is tried again, and anything else (the failure of a server render) once.
 */
export function retryPolicy(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiClientError) return error.status === 0 && failureCount < 2;
  return failureCount < 1;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        // The session ended (signed out elsewhere, refresh refused): go to sign-in and come back here afterwards.
        if (!isServer && error instanceof ApiClientError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
          window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Above zero, so data prefetched on the server is not fetched again the moment the page hydrates.
        staleTime: 30_000,
        retry: retryPolicy,
        refetchOnWindowFocus: false,
      },
      dehydrate: {
        // Stream queries that are still pending when the server page finishes; <Suspense> on the client waits for them.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}

let browserClient: QueryClient | undefined;

/** Server: a new client per call (use getServerQueryClient() in pages for one per request). Browser: one client. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
