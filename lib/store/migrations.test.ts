// A shipped migration never changes: a database migrated yesterday must have the same schema as one migrated today.
// Each migration's text is pinned by its hash; a new migration is appended (and its hash added here).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

const SHIPPED: Record<string, Record<string, string>> = {
  sqlite: {
    'foundation-1-action-log': '9039e25d6c4f3bcb2b8323e5ace611d79a2e553494b55392b64648ef18d418f2',
    'foundation-2-ended-sessions': '694baecfce6a863ae1b397664b106560f77b31b6c6ea18cdd5c28d5a6546c050',
    'tokens-1-rotation-journal': '2c81291011666dad21907db983d06d491d4edf3d744dd16d75233249cf5f5d02',
    'tokens-2-rotation-leases-and-windows': 'b80568d52c0333c7f12f77f0254be6e09cfda608f3fbb4f123d0a4a61b982e3a',
  },
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('shipped migrations', () => {
  it.each([['sqlite', SQLITE_MIGRATIONS] as const])('%s: ids are unique and each shipped text is unchanged', (engine, migrations) => {
    expect(new Set(migrations.map((m) => m.id)).size).toBe(migrations.length);
    const shipped = SHIPPED[engine]!;
    for (const [id, hash] of Object.entries(shipped)) {
      const m = migrations.find((x) => x.id === id);
      expect(m, `${engine} migration ${id} was removed`).toBeDefined();
      expect(sha(m!.sql), `${engine} migration ${id} changed after it shipped: append a new migration instead`).toBe(hash);
    }
    // Shipped ones come first, in order; new ones are appended after them.
    expect(migrations.slice(0, Object.keys(shipped).length).map((m) => m.id)).toEqual(Object.keys(shipped));
  });
});
