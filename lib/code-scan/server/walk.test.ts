// The walk over a fake workspace: concurrency stays within its bound, throttling (429 with Retry-After) pauses every
// worker for the time asked and is retried rather than recorded, unchanged objects are skipped without an export,
// and what cannot be read is counted by reason.
import { describe, expect, it } from 'vitest';
import { DatabricksError } from '@/lib/databricks/errors';
import type { ObjectInfo } from '@/lib/databricks/api/workspace';
import { SCANNER_VERSION } from '@/lib/code-scan/rules/scan';
import type { ObjectState, ObjectWrite } from '@/lib/store/code-scan';
import { Walk, type WalkUpstream } from './walk';

const NOTEBOOKS = 60;

function tree(): Map<string, ObjectInfo[]> {
  const folders = new Map<string, ObjectInfo[]>();
  const nb = (path: string, id: number, modified = 1_000): ObjectInfo => ({
    object_type: 'NOTEBOOK',
    path,
    id: String(id),
    language: 'PYTHON',
    modified_at: modified,
  });
  folders.set('/', [
    { object_type: 'DIRECTORY', path: '/Shared', id: '1' },
    { object_type: 'DIRECTORY', path: '/Hidden', id: '2' },
  ]);
  folders.set(
    '/Shared',
    Array.from({ length: NOTEBOOKS }, (_, i) => nb(`/Shared/n${i}`, 100 + i)).concat([
      { object_type: 'LIBRARY', path: '/Shared/lib.jar', id: '900' },
      { object_type: 'FILE', path: '/Shared/big.csv', id: '901', size: 11 * 1024 * 1024, modified_at: 5 },
    ]),
  );
  return folders;
}

function upstream(opts: { throttleFirst?: number; retryAfterSeconds?: number } = {}) {
  const folders = tree();
  const stats = { exports: 0, inFlight: 0, maxInFlight: 0, throttled: 0, starts: [] as number[], throttledAt: [] as number[] };
  let throttle = opts.throttleFirst ?? 0;
  const api: WalkUpstream = {
    async list(path) {
      if (path === '/Hidden') throw new DatabricksError(403, 'PERMISSION_DENIED', 'no', null, null, 'PERMISSION_DENIED');
      return folders.get(path) ?? [];
    },
    async export(path) {
      stats.starts.push(Date.now());
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        await new Promise((r) => setTimeout(r, 2));
        if (throttle > 0) {
          throttle--;
          stats.throttled++;
          stats.throttledAt.push(Date.now());
          throw new DatabricksError(429, 'REQUEST_LIMIT_EXCEEDED', 'slow down', null, opts.retryAfterSeconds ?? 0.05);
        }
        stats.exports++;
        return Buffer.from(
          path.endsWith('n7') ? '# Databricks notebook source\ntoken = "dapi3f9c1e7a5b2d8046e1c9a7f35b0d2e84"\n' : 'print(1)\n',
        );
      } finally {
        stats.inFlight--;
      }
    },
  };
  return { api, stats };
}

async function walk(api: WalkUpstream, known = new Map<string, ObjectState>(), concurrency = 8) {
  const saved: ObjectWrite[] = [];
  const w = new Walk({
    upstream: api,
    known,
    mode: 'incremental',
    signal: new AbortController().signal,
    concurrency,
    save: async (batch) => void saved.push(...batch),
  });
  const result = await w.run();
  return { progress: w.progress, result, saved };
}

describe('the workspace walk', () => {
  it('exports every notebook once within its concurrency, and counts what it cannot read by reason', async () => {
    const { api, stats } = upstream();
    const { progress, result, saved } = await walk(api, undefined, 8);
    expect(stats.exports).toBe(NOTEBOOKS);
    expect(stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(progress).toMatchObject({ listed: NOTEBOOKS + 2, scanned: NOTEBOOKS, failed: 2, hiddenFolders: 1 });
    expect(progress.failedBy).toEqual({ permission: 0, size: 1, format: 1, error: 0 });
    expect(result.unlisted).toEqual(['/Hidden']);
    const withFinding = saved.find((s) => s.path === '/Shared/n7')!;
    expect(withFinding.findings.map((f) => [f.line, f.detector, f.preview])).toEqual([[2, 'databricks-token', 'dapi••••••••2e84']]);
    expect(JSON.stringify(saved)).not.toContain('3f9c1e7a5b2d8046e1c9a7f35b0d2e84');
  });

  it('waits out a 429 for its Retry-After, then reads everything without recording a failure', async () => {
    const { api, stats } = upstream({ throttleFirst: 3, retryAfterSeconds: 0.2 });
    const { progress } = await walk(api);
    expect(stats.throttled).toBe(3);
    expect(stats.exports).toBe(NOTEBOOKS);
    expect(progress.failed).toBe(2);
    expect(progress.failedBy.error).toBe(0);
    // No export starts during the pause the server asked for (calls already in flight may still finish).
    const last429 = Math.max(...stats.throttledAt);
    const first429 = Math.min(...stats.throttledAt);
    expect(stats.starts.filter((t) => t > last429 && t < first429 + 190)).toEqual([]);
    expect(Math.max(...stats.starts) - first429).toBeGreaterThanOrEqual(190);
  });

  it('skips objects unchanged since they were read by this scanner version: no export at all', async () => {
    const first = upstream();
    const { saved } = await walk(first.api);
    const known = new Map<string, ObjectState>(
      saved.map((s) => [
        s.objectId,
        {
          objectId: s.objectId,
          path: s.path,
          objectType: s.objectType,
          language: s.language,
          modifiedAt: s.modifiedAt,
          contentHash: s.contentHash,
          rulesVersion: SCANNER_VERSION,
          status: s.status,
          reason: s.reason,
          ownerSource: null,
          stale: false,
        },
      ]),
    );
    const second = upstream();
    const { progress } = await walk(second.api, known);
    expect(second.stats.exports).toBe(0);
    expect(progress).toMatchObject({ scanned: 0, skipped: NOTEBOOKS + 2, exports: 0 });
  });
});
