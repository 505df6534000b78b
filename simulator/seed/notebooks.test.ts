import { describe, expect, it } from 'vitest';
import { CLEAN_TEMPLATES, notebookSource, specOf } from './notebook-content';
import { plantedNotebookSecrets } from './notebook-secrets';
import { fixedPlan } from './notebooks-fixed';
import { homeObjects, type Person } from './notebooks-homes';
import { Rng } from './random';

// What a credential scanner's rules look for: clean notebooks must match none of them.
const CREDENTIAL = [
  /dapi[0-9a-f]{32}/,
  /AKIA[0-9A-Z]{16}/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /hooks\.slack\.com\/services\/T/,
  /account\.key\.[^"]+",\s*"[A-Za-z0-9+/]{40,}={0,2}"/,
  /(password|PWD)\s*=\s*"[^"<{$]/i,
  /jdbc:[^'"\s]*password=[^;&'"\s{$]/i,
];

describe('seeded notebook content', () => {
  it('is deterministic and in SOURCE format for every clean template', () => {
    for (const t of CLEAN_TEMPLATES) {
      const spec = specOf(t, 7);
      const a = notebookSource(spec, '/Users/x@harborpine.com/some_notebook');
      expect(a).toEqual(notebookSource(spec, '/Users/x@harborpine.com/some_notebook'));
      expect(a.text).toMatch(/^(#|--|\/\/) Databricks notebook source\n/);
      expect(a.text.endsWith('\n')).toBe(false);
    }
  });

  it('holds no credential-like string in clean notebooks, whatever the seed', () => {
    for (const t of CLEAN_TEMPLATES)
      for (let s = 1; s <= 80; s++) {
        const { text, marks } = notebookSource(specOf(t, s * 7919), '/Shared/x/clean');
        expect(marks).toEqual([]);
        for (const re of CREDENTIAL) expect(re.test(text), `${t} seed ${s * 7919}: ${re}`).toBe(false);
      }
  });

  it('plants every kind of credential in the places the scanner must look, at the lines it describes', () => {
    const { positives, nearMisses } = plantedNotebookSecrets('demo', 42);
    expect(positives.length).toBeGreaterThanOrEqual(10);
    expect(new Set(positives.map((p) => p.placement))).toEqual(
      new Set(['string', 'comment', 'spark-conf', 'jdbc-url', 'magic', 'key-block']),
    );
    for (const p of positives) {
      const o = fixedPlan('demo', 42).objects.find((x) => x.path === p.path);
      const line = notebookSource(o?.spec ?? '', p.path).text.split('\n')[p.line - 1] ?? '';
      expect(line).toContain(p.value.split('\n')[0]);
      expect(CREDENTIAL.some((re) => re.test(line)) || p.kind === 'aws-secret-access-key').toBe(true);
    }
    expect(new Set(nearMisses.map((n) => n.reason))).toEqual(
      new Set([
        'secret-scope-lookup',
        'secret-reference',
        'secret-function',
        'placeholder',
        'test-fixture',
        'documented-example',
        'runtime-lookup',
        'checksum',
        'commit-hash',
        'identifier',
      ]),
    );
    expect(plantedNotebookSecrets('demo', 42)).toEqual({ positives, nearMisses });
  });

  it('scales the planted credentials to about 1 % of the large estate', () => {
    const large = plantedNotebookSecrets('large', 42);
    expect(new Set(large.positives.map((p) => p.path)).size).toBe(200);
    expect(new Set(large.positives.map((p) => p.value)).size).toBe(large.positives.length);
  });
});

describe('workspace plan', () => {
  it('places every fixed object once', () => {
    for (const scale of ['demo', 'large'] as const) {
      const paths = fixedPlan(scale, 42).objects.map((o) => o.path);
      expect(new Set(paths).size).toBe(paths.length);
    }
  });

  it('fills home folders to the exact budget with unique paths that never sit under a notebook', () => {
    const rng = new Rng(1);
    const people: Person[] = Array.from({ length: 40 }, (_, i) => ({
      userName: `p${i}@harborpine.com`,
      active: i % 9 !== 0,
      groups: ['users', ['data-engineering', 'analytics', 'actuarial', 'data-science'][i % 4] as string],
      createdAt: 0,
    }));
    const out = homeObjects(rng, people, 250, new Set());
    const notebooks = out.filter((o) => o.type === 'NOTEBOOK');
    expect(notebooks).toHaveLength(250);
    const paths = new Set(out.map((o) => o.path));
    expect(paths.size).toBe(out.length);
    for (const nb of notebooks) expect([...paths].some((p) => p.startsWith(`${nb.path}/`))).toBe(false);
    expect(out.filter((o) => o.analysis)).toHaveLength(40);
  });
});
