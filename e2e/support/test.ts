// The `test` every spec imports (lint enforces it): Playwright's, with every browser page watched for console errors
// and uncaught page errors (a hydration mismatch, an unhandled rejection, a React error). Any the test did not declare
// fails it at the end, so a new page or spec gets the check without asking for it.
import { expect, test as base, type Page } from '@playwright/test';

export { expect };

export interface ConsoleErrors {
  /** Declares errors this test provokes on purpose (an injected upstream fault makes the browser log the 503). */
  allow(pattern: RegExp): void;
}

// Chromium logs an error for every response of 400 and up. For a page itself (a 403 refusal, a 404) that is the
// answer the test asked for and asserts; for anything the page fetches, it is a failure the page did not expect.
const RESOURCE_FAILED = /^Failed to load resource: the server responded with a status of \d+/;

export const test = base.extend<{ consoleErrors: ConsoleErrors & { patterns: RegExp[] } }>({
  consoleErrors: async ({}, provide) => {
    const patterns: RegExp[] = [];
    await provide({ patterns, allow: (pattern) => void patterns.push(pattern) });
  },
  context: async ({ context, consoleErrors }, provide) => {
    const problems: string[] = [];
    const refusedPages = new Set<string>();
    const watch = (page: Page) => {
      page.on('response', (res) => {
        if (res.status() >= 400 && res.request().isNavigationRequest()) refusedPages.add(res.url());
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        const from = message.location().url;
        if (RESOURCE_FAILED.test(text) && refusedPages.has(from)) return;
        problems.push(`console error on ${page.url()}: ${text}${from ? ` (${from})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}\n${error.stack ?? ''}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await provide(context);
    const unexpected = problems.filter((p) => !consoleErrors.patterns.some((re) => re.test(p)));
    expect(unexpected, 'console errors and page errors nobody expected').toEqual([]);
  },
});
