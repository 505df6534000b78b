// The scanner against the content the simulator seeds: every planted credential is found, on its line, by the
// detector of its kind; no near-miss is reported; clean notebooks of every template (hundreds of PRNG draws) give
// nothing; and no preview shows more than four characters of its secret.
import { describe, expect, it } from 'vitest';
import { CLEAN_TEMPLATES, fileContent, FILE_NEAR_MISSES, notebookSource, specOf } from '@/simulator/seed/notebook-content';
import { plantedNotebookSecrets } from '@/simulator/seed/notebook-secrets';
import { fixedPlan } from '@/simulator/seed/notebooks-fixed';
import { MASK, MAX_REVEALED, revealedPart } from './mask';
import { scanSource, type Language } from './scan';

const SCALES = ['demo', 'large'] as const;

function scanPlanned(scale: (typeof SCALES)[number]) {
  const results = new Map<string, ReturnType<typeof scanSource>>();
  for (const o of fixedPlan(scale, 42).objects) {
    if (o.type === 'NOTEBOOK' && o.spec) {
      const { text, language } = notebookSource(o.spec, o.path);
      // The 11 MB notebook is never exported (over Databricks' limit); it holds no credential either way.
      if (text.length > 10 * 1024 * 1024) continue;
      results.set(o.path, scanSource(text, { objectType: 'NOTEBOOK', language, path: o.path }));
    }
    if (o.type === 'FILE' && o.file)
      results.set(o.path, scanSource(fileContent(o.file), { objectType: 'FILE', language: null, path: o.path }));
  }
  return results;
}

describe.each(SCALES)('the %s workspace', (scale) => {
  const { positives, nearMisses } = plantedNotebookSecrets(scale, 42);
  const results = scanPlanned(scale);

  it('finds exactly the planted credentials: path, line and kind', () => {
    const found = [...results].flatMap(([path, r]) => r.findings.map((f) => `${path}:${f.line}:${f.detector}`)).sort();
    const planted = positives.map((p) => `${p.path}:${p.line}:${p.kind}`).sort();
    expect(found).toEqual(planted);
    expect(planted.length).toBe(scale === 'demo' ? 11 : 11 + 19 * 11);
  });

  it('reports no near-miss, and knows why each was let through', () => {
    for (const n of nearMisses) {
      const r = results.get(n.path)!;
      expect(
        r.findings.filter((f) => f.line === n.line),
        `${n.path}:${n.line} (${n.reason})`,
      ).toEqual([]);
    }
    // The near-misses that look like a credential to a regex are recognised by a safe pattern (the rest never match).
    const reasons = new Set([...results.values()].flatMap((r) => r.safe.map((s) => s.reason)));
    for (const reason of ['secret-reference', 'placeholder', 'test-fixture', 'documented-example', 'interpolation'])
      expect(reasons).toContain(reason);
  });

  it('never shows more than four characters of a secret in a preview', () => {
    for (const p of positives) {
      const f = results.get(p.path)!.findings.find((x) => x.line === p.line)!;
      expect(f.preview).toContain(MASK);
      const prefix = f.preview.slice(0, f.preview.indexOf(MASK)).trim();
      // The part before the bullets is the format's public marker, never a piece of the value's secret part.
      expect(['', 'dapi', 'AKIA', 'https://hooks.slack.com/services/', '-----BEGIN PRIVATE KEY-----']).toContain(prefix);
      const revealed = revealedPart(f.preview, prefix);
      expect(revealed.length).toBeLessThanOrEqual(MAX_REVEALED);
      if (revealed) expect(p.value.endsWith(revealed)).toBe(true);
      // A short value (a password) shows none of its characters.
      if (p.value.length < 20) expect(revealed).toBe('');
      expect(f.preview).not.toContain(p.value);
    }
  });
});

describe('clean notebooks', () => {
  it.each(CLEAN_TEMPLATES)('%s: nothing found over 300 seeded variations', (template) => {
    for (let s = 1; s <= 300; s++) {
      const spec = specOf(template, s * 7919);
      const { text, language } = notebookSource(spec, `/Users/someone@harborpine.com/${template}_${s}`);
      const r = scanSource(text, { objectType: 'NOTEBOOK', language, path: '/x' });
      expect(r.findings, `${template} seed ${s}`).toEqual([]);
    }
  });

  it('files in Git folders: nothing found, the near-misses recognised', () => {
    for (const name of ['README.md', 'requirements.txt', 'pipelines.yaml', '.env.example', 'account_mapping.csv']) {
      const r = scanSource(fileContent(name), { objectType: 'FILE', language: null, path: `/Repos/x/y/${name}` });
      expect(r.findings, name).toEqual([]);
      for (const m of FILE_NEAR_MISSES[name] ?? []) expect(r.safe.some((s) => s.line === m.line)).toBe(true);
    }
  });
});

describe('where a finding sits', () => {
  const scan = (lines: string[], language: Language = 'PYTHON') =>
    scanSource(lines.join('\n'), { objectType: 'NOTEBOOK', language, path: '/x' }).findings;
  const token = `dapi${'0123456789abcdef'.split('').reverse().join('')}${'a1b2c3d4e5f60718'}`;

  it('tells code, comments, %sh cells and markdown apart, and names the variable', () => {
    const found = scan([
      '# Databricks notebook source',
      `TOKEN = "${token}"`,
      '',
      '# COMMAND ----------',
      '',
      `# old = "${token}"`,
      '',
      '# COMMAND ----------',
      '',
      `# MAGIC %sh curl -H "Authorization: Bearer ${token}" https://example.com`,
      '',
      '# COMMAND ----------',
      '',
      '# MAGIC %md',
      `# MAGIC Use ${token} for now`,
    ]);
    expect(found.map((f) => [f.line, f.context, f.variable])).toEqual([
      [2, 'code', 'TOKEN'],
      [6, 'comment', null],
      [10, 'shell', null],
      [15, 'text', null],
    ]);
    expect(found[0]!.preview).toBe(`dapi${MASK}0718`);
  });

  it('takes the keyword argument as the variable of a value a format detector found', () => {
    const [f] = scan([`w = WorkspaceClient(host="https://adb-1.2.azuredatabricks.net", token="${token}")`]);
    expect(f).toMatchObject({ detector: 'databricks-token', variable: 'token', context: 'code' });
  });

  it('keeps at most 100 findings per object and says so', () => {
    let x = 12345;
    const hex = () =>
      Array.from({ length: 32 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31) >> 8) % 16)
        .map((n) => n.toString(16))
        .join('');
    const lines = Array.from({ length: 150 }, (_, i) => `K${i} = "dapi${hex()}"`);
    const r = scanSource(lines.join('\n'), { objectType: 'NOTEBOOK', language: 'PYTHON', path: '/x' });
    expect(r.findings).toHaveLength(100);
    expect(r.truncated).toBe(true);
  });
});
