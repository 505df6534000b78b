// A shipped migration never changes: a database migrated yesterday must have the same schema as one migrated today.
// Each migration's text is pinned by its hash; a new migration is appended (and its hash added here). Both engines
// have the same migrations, by id and in order, so a store module sees the same tables on either.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

const SHIPPED: Record<string, Record<string, string>> = {
  sqlite: {
    'foundation-1-action-log': '9039e25d6c4f3bcb2b8323e5ace611d79a2e553494b55392b64648ef18d418f2',
    'foundation-2-ended-sessions': '694baecfce6a863ae1b397664b106560f77b31b6c6ea18cdd5c28d5a6546c050',
    'tokens-1-rotation-journal': '2c81291011666dad21907db983d06d491d4edf3d744dd16d75233249cf5f5d02',
    'tokens-2-rotation-leases-and-windows': 'b80568d52c0333c7f12f77f0254be6e09cfda608f3fbb4f123d0a4a61b982e3a',
    'store-1-action-log-key': '50fb53cb8fe98723a60cfba2ad0faefa51c4c96b8ba4e30d3b9fa9f08f4b1c77',
    'store-2-schedule-runs': 'debaebf7006fdd222a1b6bce319b24828f3f11b404c01b9af34246c7ba116f28',
    'posture-1-exceptions-and-snapshots': '0077418dfdddf09a346edeff106a7b346e2e92bf37333e06dd03f6a2b0b6e9a7',
    'codescan-1-state': '3e659f56faa3170e3ae315fc036b0776c7cb1636433c7ba5c90426a475966ca4',
    'reports-1-weekly-reports': '892f8519b3c8be1b06292f84523121bf0cc9ca1951c1837989f9ebc5e4c34f9e',
    'reports-2-opens': 'c1ca77a25c6cdc6d894d76a66024436634e1047cdf4ac3122c97413521e0f25b',
  },
  postgres: {
    'foundation-1-action-log': '9d41949123e4cafc47d1b2295c86b6bb5349ef0b6661523a2a5cde7292976678',
    'foundation-2-ended-sessions': '586f7d16a0ca39e983b2147c30a56860b35f147d8719c4b7ec6cf7c3d566ac49',
    'tokens-1-rotation-journal': '2903dd6c109923225aee0ff39324e328e092a9d8100871213eb02b63e9f82834',
    'tokens-2-rotation-leases-and-windows': 'c88e4e42c4be57d2d707f7ff483e6dcc55a2fd35ab9767352d043359204644a1',
    'store-1-action-log-key': '50fb53cb8fe98723a60cfba2ad0faefa51c4c96b8ba4e30d3b9fa9f08f4b1c77',
    'store-2-schedule-runs': 'd5e6e62f03d1e2f95c3aef30fd91bea5299108b0ef0a189b60add02a34283ba5',
    'posture-1-exceptions-and-snapshots': '91881086cc43c0ac86feb96655a768a8821dd28ddbc1dad0a17abf6d2518722e',
    'codescan-1-state': 'ac8add2c449d88a9e902dbe5b792dcb79ce714337d22106d6cf6d608429a081e',
    'reports-1-weekly-reports': '80bed6cedb4f5c4b8d874c491066db57fe268a756f7da317f5dcc0cc5ddc2630',
    'reports-2-opens': 'c1ca77a25c6cdc6d894d76a66024436634e1047cdf4ac3122c97413521e0f25b',
  },
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('shipped migrations', () => {
  it.each([['sqlite', SQLITE_MIGRATIONS] as const, ['postgres', POSTGRES_MIGRATIONS] as const])(
    '%s: ids are unique and each shipped text is unchanged',
    (engine, migrations) => {
      expect(new Set(migrations.map((m) => m.id)).size).toBe(migrations.length);
      const shipped = SHIPPED[engine]!;
      for (const [id, hash] of Object.entries(shipped)) {
        const m = migrations.find((x) => x.id === id);
        expect(m, `${engine} migration ${id} was removed`).toBeDefined();
        expect(sha(m!.sql), `${engine} migration ${id} changed after it shipped: append a new migration instead`).toBe(hash);
      }
      // Shipped ones come first, in order; new ones are appended after them.
      expect(migrations.slice(0, Object.keys(shipped).length).map((m) => m.id)).toEqual(Object.keys(shipped));
    },
  );

  it('gives both engines the same migrations in the same order (add a new one to migrations/postgres.ts too)', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => m.id)).toEqual(SQLITE_MIGRATIONS.map((m) => m.id));
  });
});
