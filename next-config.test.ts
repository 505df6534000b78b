// The deploy path type-checks: a production build runs TypeScript unless it is the e2e build that `npm test` makes
// right after `npm run typecheck`, and nothing builds at start-up time with different rules. The browser's zod (the
// production build's alias) holds everything the code uses of it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import ts from 'typescript';
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

/** Every zod/mini export that code in app/, components/ and lib/ uses at run time, read with TypeScript's parser. */
function zodNamesUsed(): Set<string> {
  const used = new Set<string>();
  for (const dir of ['app', 'components', 'lib'])
    for (const file of readdirSync(new URL(`./${dir}`, import.meta.url), { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
      const source = ts.createSourceFile(file, readFileSync(new URL(`./${dir}/${file}`, import.meta.url), 'utf8'), ts.ScriptTarget.Latest);
      const namespaces = new Set<string>();
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || (statement.moduleSpecifier as ts.StringLiteral).text !== 'zod/mini') continue;
        const bindings = statement.importClause?.isTypeOnly ? undefined : statement.importClause?.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
        else if (bindings) for (const e of bindings.elements) if (!e.isTypeOnly) used.add((e.propertyName ?? e.name).text);
      }
      // `z.object(…)` is a property access; `z.output<…>` in a type is a qualified name, not one.
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && namespaces.has(node.expression.text))
          used.add(node.name.text);
        ts.forEachChild(node, visit);
      };
      if (namespaces.size) visit(source);
    }
  return used;
}

describe("the browser's zod", () => {
  it('holds every zod export the code uses at run time, and nothing else of zod', async () => {
    const alias = loadConfig({}).turbopack?.resolveAlias?.['zod/mini']?.browser;
    expect(alias).toMatch(/\.mjs$/);
    const bundle = (await import(new URL(alias!, import.meta.url).href)) as Record<string, unknown>;
    const used = zodNamesUsed();
    expect(used).toContain('safeParse');
    expect(used).toContain('custom'); // called with a type argument: z.custom<WireRow>(…)
    for (const name of used) expect(bundle[name], name).toBeDefined();
    // Only what the code uses: zod's locales and JSON Schema conversion stay out.
    expect(bundle.toJSONSchema).toBeUndefined();
    expect(bundle.locales).toBeUndefined();
  });

  it('is made for production builds only', () => {
    expect(loadConfig({}, PHASE_PRODUCTION_SERVER).turbopack).toBeUndefined();
    expect(loadConfig({}, PHASE_DEVELOPMENT_SERVER).turbopack).toBeUndefined();
  });
});
