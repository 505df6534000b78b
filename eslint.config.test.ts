// The shape's boundaries are lint rules (eslint.config.mjs): each deliberately wrong import below must fail
// `npm run lint`, and the allowed ones next to them must not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', { timeout: 30_000 }, () => {
  it('components never import server modules or the store', async () => {
    expect(await problems('components/tokens/x.tsx', "import { getDb } from '@/lib/store/db';\nexport const x = getDb;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports: .*never imports a server module/),
    ]);
    expect(
      await problems('lib/tokens/queries.ts', "import { tokenListView } from './server/list';\nexport const x = tokenListView;\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'app/(dashboard)/tokens/client.tsx',
        "import { rotateToken } from '@/lib/tokens/server/rotation';\nexport const x = rotateToken;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems('components/tokens/x.tsx', "import { tokenQueries } from '@/lib/tokens/queries';\nexport const x = tokenQueries;\n"),
    ).toEqual([]);
    expect(
      await problems('components/tokens/x.tsx', "import type { AppConfig } from '@/lib/config';\nexport type X = AppConfig;\n"),
    ).toEqual([]);
  });

  it('pure rules import nothing with I/O', async () => {
    expect(await problems('lib/tokens/rules/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Pure rules/),
    ]);
    expect(
      await problems('lib/tokens/rules/x.ts', "import { apiFetch } from '@/lib/query/fetch';\nexport const x = apiFetch;\n"),
    ).toHaveLength(1);
    expect(await problems('lib/tokens/rules/x.ts', "import { RISK_LEVELS } from './types';\nexport const x = RISK_LEVELS;\n")).toEqual([]);
  });

  it('nothing outside tests and scripts imports simulator/ or the test harnesses', async () => {
    expect(
      await problems('lib/tokens/server/x.ts', "import { startSimulator } from '@/simulator/server';\nexport const x = startSimulator;\n"),
    ).toEqual([expect.stringMatching(/no-restricted-imports: .*Only tests, scripts/)]);
    expect(
      await problems('app/api/x/route.ts', "import { startHarness } from '@/testing/tokens-harness';\nexport const x = startHarness;\n"),
    ).toHaveLength(1);
    expect(
      await problems(
        'lib/tokens/server/x.int.test.ts',
        "import { startHarness } from '@/testing/tokens-harness';\nexport const x = startHarness;\n",
      ),
    ).toEqual([]);
  });

  it('process.env only in lib/config.ts', async () => {
    expect(await problems('lib/tokens/server/x.ts', 'export const x = process.env.DATABRICKS_HOST;\n')).toEqual([
      expect.stringMatching(/no-restricted-properties: .*lib\/config\.ts/),
    ]);
    expect(await problems('lib/config.ts', 'export const x = process.env.DATABRICKS_HOST;\n')).toEqual([]);
  });

  it('e2e specs take test and expect from the console-watching fixture', async () => {
    expect(await problems('e2e/x.spec.ts', "import { test } from '@playwright/test';\nexport const x = test;\n")).toEqual([
      expect.stringMatching(/no-restricted-imports: .*console errors/),
    ]);
    expect(
      await problems(
        'e2e/x.spec.ts',
        "import { type Page } from '@playwright/test';\nimport { test } from './support/test';\nexport const x = [test] as unknown as Page[];\n",
      ),
    ).toEqual([]);
  });
});
