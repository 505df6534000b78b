// Personal access tokens. The token_id is the SHA-256 of the value (as the SDK describes it), so a bearer value is
// authenticated by hashing it; the value itself is never stored.
import { createHash, randomBytes } from 'node:crypto';
import type { SimDb } from '../core/db';
import { bulkInsert, type Cell } from './bulk';

export interface TokenRow {
  tokenId: string;
  ownerId: string;
  createdById: string;
  createdByUsername: string;
  comment: string;
  creationTime: number;
  /** -1 = never expires. */
  expiryTime: number;
  lastUsedDay: number | null;
  scopes: string[] | null;
}

export interface TokenFilter {
  ownerId?: string;
  createdById?: string;
  createdByUsername?: string;
}

export const tokenIdOf = (value: string) => createHash('sha256').update(value).digest('hex');

/** A new PAT value in Databricks' format ('dapi' + 32 hex characters) and its id. */
export function newTokenValue(): { value: string; tokenId: string } {
  const value = `dapi${randomBytes(16).toString('hex')}`;
  return { value, tokenId: tokenIdOf(value) };
}

// Creation order, as token management lists them.
const byCreation = (a: TokenRow, b: TokenRow) => a.creationTime - b.creationTime || (a.tokenId < b.tokenId ? -1 : 1);

/**
 * PATs held in memory (20,000 at `large` scale) and written through to ws.tokens: every PAT-authenticated request
 * looks its token up, and token management lists them all, so DuckDB → JS conversion must stay off those paths.
 * Rows are immutable: a change replaces the row object, so callers may cache what they render per row.
 */
export class TokenStore {
  private byId = new Map<string, TokenRow>();
  private sorted: TokenRow[] | null = null;

  private constructor(private readonly db: SimDb) {}

  static async load(db: SimDb): Promise<TokenStore> {
    const store = new TokenStore(db);
    // DOUBLE rather than BIGINT: epoch milliseconds fit exactly and convert several times faster than bigints.
    const rows = await db.all<Record<string, unknown>>(`SELECT token_id, owner_id, created_by_id, created_by_username, comment,
      CAST(creation_time AS DOUBLE) AS creation_time, CAST(expiry_time AS DOUBLE) AS expiry_time,
      CAST(last_used_day AS DOUBLE) AS last_used_day, scopes FROM ws.tokens`);
    for (const r of rows) store.byId.set(String(r.token_id), fromRow(r));
    return store;
  }

  /** Bulk load for the seed (no store instance needed). */
  static async seed(db: SimDb, rows: TokenRow[]): Promise<void> {
    await bulkInsert(
      db,
      'tokens',
      ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bigint', 'bigint', 'bigint', 'varchar'],
      rows.map(toCells),
    );
  }

  async get(tokenId: string): Promise<TokenRow | undefined> {
    return this.byId.get(tokenId);
  }

  /** Every token in creation order; the same array (by identity) until something changes. */
  all(): readonly TokenRow[] {
    this.sorted ??= [...this.byId.values()].sort(byCreation);
    return this.sorted;
  }

  async list(filter: TokenFilter = {}): Promise<TokenRow[]> {
    const user = filter.createdByUsername?.toLowerCase();
    return this.all().filter(
      (t) =>
        (filter.ownerId === undefined || t.ownerId === filter.ownerId) &&
        (filter.createdById === undefined || t.createdById === filter.createdById) &&
        (user === undefined || t.createdByUsername.toLowerCase() === user),
    );
  }

  countForOwner(ownerId: string): number {
    let n = 0;
    for (const t of this.byId.values()) if (t.ownerId === ownerId) n++;
    return n;
  }

  /** Visible at once (before the write finishes) so concurrent creates count it against the 600-token quota. */
  async insert(row: TokenRow): Promise<void> {
    this.byId.set(row.tokenId, row);
    this.changed();
    try {
      await TokenStore.seed(this.db, [row]);
    } catch (e) {
      this.byId.delete(row.tokenId);
      this.changed();
      throw e;
    }
  }

  // Row writes run one at a time (SimDb.exclusive): parallel calls with a new token on its first day would otherwise
  // all UPDATE its last_used_day at once, and DuckDB fails all but one ("Conflict on update").
  async delete(tokenId: string): Promise<boolean> {
    return this.db.exclusive(async () => {
      if (!this.byId.has(tokenId)) return false;
      await this.db.run('DELETE FROM ws.tokens WHERE token_id = ?', [tokenId]);
      this.byId.delete(tokenId);
      this.changed();
      return true;
    });
  }

  async update(tokenId: string, fields: { comment?: string; scopes?: string[] }): Promise<void> {
    await this.db.exclusive(async () => {
      const t = this.byId.get(tokenId);
      if (!t) return;
      if (fields.comment !== undefined) await this.db.run('UPDATE ws.tokens SET comment = ? WHERE token_id = ?', [fields.comment, tokenId]);
      if (fields.scopes !== undefined)
        await this.db.run('UPDATE ws.tokens SET scopes = ? WHERE token_id = ?', [JSON.stringify(fields.scopes), tokenId]);
      this.byId.set(tokenId, { ...t, comment: fields.comment ?? t.comment, scopes: fields.scopes ?? t.scopes });
      this.changed();
    });
  }

  async touch(tokenId: string, day: number): Promise<void> {
    if (this.byId.get(tokenId)?.lastUsedDay === day) return;
    await this.db.exclusive(async () => {
      const t = this.byId.get(tokenId);
      if (!t || t.lastUsedDay === day) return;
      await this.db.run('UPDATE ws.tokens SET last_used_day = ? WHERE token_id = ?', [day, tokenId]);
      this.byId.set(tokenId, { ...t, lastUsedDay: day });
      this.changed();
    });
  }

  private changed(): void {
    this.sorted = null;
  }
}

function toCells(r: TokenRow): Cell[] {
  return [
    r.tokenId,
    r.ownerId,
    r.createdById,
    r.createdByUsername,
    r.comment,
    r.creationTime,
    r.expiryTime,
    r.lastUsedDay,
    r.scopes ? JSON.stringify(r.scopes) : null,
  ];
}

function fromRow(r: Record<string, unknown>): TokenRow {
  return {
    tokenId: String(r.token_id),
    ownerId: String(r.owner_id),
    createdById: String(r.created_by_id),
    createdByUsername: String(r.created_by_username ?? ''),
    comment: String(r.comment ?? ''),
    creationTime: Number(r.creation_time),
    expiryTime: Number(r.expiry_time),
    lastUsedDay: r.last_used_day === null || r.last_used_day === undefined ? null : Number(r.last_used_day),
    scopes: r.scopes ? (JSON.parse(String(r.scopes)) as string[]) : null,
  };
}
