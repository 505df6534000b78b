import { describe, expect, it } from 'vitest';
import { SimDb } from '../core/db';
import { createWorkspaceSchema } from '../store/schema';
import { nextDay } from './lifecycle';
import { CLEAN_TEMPLATES, notebookSource, specOf } from './notebook-content';
import { plantedNotebookSecrets } from './notebook-secrets';
import { seedNotebooks } from './notebooks';
import { fixedPlan } from './notebooks-fixed';
import { homeObjects, type Person } from './notebooks-homes';
import { Rng } from './random';
import { seedWorkspace } from './workspace';

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

// When someone left is in the Estate only (no table records it), so the SQL checks of seed/invariants-sql-objects.ts
// can only see departures during the history; this checks every leaver, at large scale, without the audit history.
describe('seeded notebooks inside their creators’ lives', () => {
  it('are made after their creator joined (the analysis notebook on that day) and last changed before they left', async () => {
    const db = await SimDb.open(':memory:');
    try {
      await createWorkspaceSchema(db);
      const opts = { scale: 'large' as const, seed: 42, now: new Date('2026-11-28T12:00:00Z') };
      const { estate } = await seedWorkspace(db, opts);
      await seedNotebooks(db, estate, opts);
      const people = new Map(estate.people.map((p) => [p.userName, p]));
      const rows = await db.all<{ path: string; creator: string; created: number; modified: number }>(
        "SELECT path, creator, CAST(created_at AS DOUBLE) AS created, CAST(modified_at AS DOUBLE) AS modified FROM ws.workspace_objects WHERE object_type = 'NOTEBOOK'",
      );
      const wrong = rows.filter((r) => {
        const p = people.get(r.creator);
        if (!p) return true;
        const made = r.path.endsWith('/analysis') ? r.created < nextDay(p.createdAt) : true;
        return !made || r.created <= p.createdAt || r.modified < r.created || r.modified > (p.deactivatedAt ?? opts.now.getTime());
      });
      expect(wrong.slice(0, 3)).toEqual([]);
      expect(rows.filter((r) => people.get(r.creator)?.deactivatedAt).length).toBeGreaterThan(1000);
      const leavers = new Set(estate.people.filter((p) => !p.active).map((p) => p.userName));
      const acls = await db.all<{ path: string; who: string }>(
        'SELECT o.path, a.principal_name AS who FROM ws.acls a JOIN ws.workspace_objects o ON CAST(o.object_id AS VARCHAR) = a.object_id',
      );
      const shared = acls.filter((a) => leavers.has(a.who) && a.path !== `/Users/${a.who}`);
      expect(shared).toEqual([]);
    } finally {
      db.close();
    }
  });
});
