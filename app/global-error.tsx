'use client';
import './globals.css';

// Last resort when the root layout itself fails: plain HTML, the reference to quote, and a retry.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="bg-bg font-sans text-fg">
        <main className="mx-auto max-w-lg space-y-4 px-4 py-16">
          <h1 className="text-xl font-semibold">Brickwatch could not load</h1>
          <p className="text-sm text-muted">Something went wrong on the server.{error.digest ? ` Reference: ${error.digest}` : ''}</p>
          <button type="button" onClick={reset} className="rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-accent-fg">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
