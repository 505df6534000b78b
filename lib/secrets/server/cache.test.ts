import { describe, expect, it } from 'vitest';
import { generationOf, inventoryKey, returnDirty, scopesChanged, takeDirty } from './cache';

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
});
