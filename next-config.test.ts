// The deploy path type-checks: a production build runs TypeScript unless it is the e2e build that `npm test` makes
// right after `npm run typecheck`, and nothing builds at start-up time with different rules.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const CONFIG = require.resolve('./next.config.js');
const scripts = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

interface Config {
  typescript?: { ignoreBuildErrors?: boolean };
  turbopack?: { resolveAlias?: Record<string, { browser?: string }> };
}

function loadConfig(env: Record<string, string | undefined>, phase = PHASE_PRODUCTION_BUILD): Config {
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  delete require.cache[CONFIG];
  return (require(CONFIG) as (phase: string) => Config)(phase);
}

afterEach(() => {
  delete process.env.BRICKWATCH_BUILD_SKIP_TYPECHECK;
  delete require.cache[CONFIG];
});

describe('production builds', () => {
  it('type-check unless told to skip it', () => {
    expect(loadConfig({ BRICKWATCH_BUILD_SKIP_TYPECHECK: undefined }).typescript?.ignoreBuildErrors).toBe(false);
    expect(loadConfig({ BRICKWATCH_BUILD_SKIP_TYPECHECK: 'true' }).typescript?.ignoreBuildErrors).toBe(false);
    expect(loadConfig({ BRICKWATCH_BUILD_SKIP_TYPECHECK: '1' }).typescript?.ignoreBuildErrors).toBe(true);
  });

  it('are skipped only by the e2e build that runs after `npm run typecheck` in `npm test`', () => {
    const withSkip = Object.entries(scripts).filter(([, cmd]) => cmd.includes('BRICKWATCH_BUILD_SKIP_TYPECHECK'));
    expect(withSkip.map(([name]) => name)).toEqual(['test']);
    const steps = scripts.test!.split('&&').map((s) => s.trim());
    const skipped = steps.findIndex((s) => s.includes('BRICKWATCH_BUILD_SKIP_TYPECHECK=1'));
    expect(steps[skipped]).toMatch(/npm run test:e2e$/);
    expect(steps.indexOf('npm run typecheck')).toBeLessThan(skipped);
  });

  it('happen in the build step, not when the Databricks App starts (the platform runs `npm run build` first)', () => {
    expect(scripts.build).toBe('next build');
    expect(scripts['start:databricks-app']).toMatch(/^next start /);
    expect(scripts['start:databricks-app']).not.toMatch(/build/);
  });
});

describe("the browser's zod", () => {
  it('holds every zod function the contracts call, and is made only when something is bundled', async () => {
    const alias = loadConfig({}).turbopack?.resolveAlias?.['zod/mini']?.browser;
    expect(alias).toMatch(/\.mjs$/);
    const bundle = (await import(new URL(alias!, import.meta.url).href)) as Record<string, unknown>;
    const contracts = readdirSync(new URL('./lib', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => /contract\.ts$/.test(f))
      .map((f) => readFileSync(new URL(`./lib/${f}`, import.meta.url), 'utf8'));
    const called = new Set(contracts.flatMap((source) => [...source.matchAll(/\bz\.(\w+)(?:<[^>]*>)?\(/g)].map((m) => m[1]!)));
    expect(called.size).toBeGreaterThan(10);
    for (const name of called) expect(typeof bundle[name], name).toBe('function');
    // Only what the code uses: zod's locales and JSON Schema conversion stay out.
    expect(bundle.toJSONSchema).toBeUndefined();
    expect(bundle.locales).toBeUndefined();
    expect(loadConfig({}, PHASE_PRODUCTION_SERVER).turbopack).toBeUndefined();
  });
});
