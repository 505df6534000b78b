import { describe, expect, it } from 'vitest';
import { JOBS_READ } from '@/lib/jobs/server/load';
import { cachedRead } from '@/lib/read-cache';
import { aclsKey, generationOf, INVENTORY_READ, inventoryKey, refreshAll, returnDirty, scopesChanged, takeDirty } from './cache';

const as = (name: string, host = 'https://ws-cache-test') => ({ host, actingAs: { kind: 'user' as const, name } });

describe('secrets read memory', () => {
  it('re-reads everything on an identity’s first read, then only what changed through Brickwatch', () => {
    const ann = as('ann@x.com');
    expect(takeDirty(ann)).toEqual({ all: true, scopes: new Set() });
    expect(takeDirty(ann)).toEqual({ all: false, scopes: new Set() });
    scopesChanged(ann.host, ['Prod-ETL']);
    expect(takeDirty(ann)).toEqual({ all: false, scopes: new Set(['prod-etl']) });
    expect(takeDirty(ann).scopes.size).toBe(0);
  });

  it('marks a change for every identity of the workspace, and moves the cache key so no earlier read is answered', () => {
    const ann = as('ann@x.com', 'https://ws-two');
    const bo = as('bo@x.com', 'https://ws-two');
    takeDirty(ann);
    takeDirty(bo);
    const key = inventoryKey(ann.host);
    const gen = generationOf(ann.host);
    scopesChanged(ann.host, ['kafka-ingest']);
    expect(generationOf(ann.host)).toBe(gen + 1);
    expect(inventoryKey(ann.host)).not.toBe(key);
    expect(takeDirty(bo).scopes).toEqual(new Set(['kafka-ingest']));
    expect(takeDirty(as('cy@x.com', 'https://other')).scopes.size).toBe(0);
  });

  it('gives back what a failed read took', () => {
    const ann = as('ann@x.com', 'https://ws-three');
    takeDirty(ann);
    scopesChanged(ann.host, ['a']);
    const taken = takeDirty(ann);
    returnDirty(ann, taken);
    expect(takeDirty(ann).scopes).toEqual(new Set(['a']));
  });

  it('re-reads the ACL-only read and the shared job listing on Refresh, and never answers an ACL read from before a change', async () => {
    const ann = as('ann@x.com', 'https://ws-four');
    let aclReads = 0;
    let jobReads = 0;
    const acls = () => cachedRead(ann, aclsKey(ann.host), INVENTORY_READ, () => Promise.resolve(++aclReads));
    const jobs = () => cachedRead(ann, JOBS_READ.key, JOBS_READ, () => Promise.resolve(++jobReads));
    expect([await acls(), await acls(), await jobs(), await jobs()]).toEqual([1, 1, 1, 1]);
    refreshAll(ann);
    expect([await acls(), await jobs()]).toEqual([2, 2]);
    scopesChanged(ann.host, ['kafka-ingest']);
    expect([await acls(), await jobs()]).toEqual([3, 2]);
  });
});
