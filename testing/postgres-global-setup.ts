// Vitest global setup: one Postgres server for the whole test run, whose URL the store suite reads with
// inject('postgresUrl') (testing/store-engines.ts). Started before the first test file, stopped after the last.
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return server.stop;
}
