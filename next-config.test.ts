// The deploy path type-checks: a production build runs TypeScript unless it is the e2e build that `npm test` makes
// right after `npm run typecheck`, and nothing builds at start-up time with different rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const CONFIG = require.resolve('./next.config.js');
const scripts = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

function loadConfig(env: Record<string, string | undefined>): { typescript?: { ignoreBuildErrors?: boolean } } {
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  delete require.cache[CONFIG];
  return require(CONFIG) as { typescript?: { ignoreBuildErrors?: boolean } };
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
