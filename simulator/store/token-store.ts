// Personal access tokens. The token_id is the SHA-256 of the value (as the SDK describes it), so a bearer value is
// authenticated by hashing it; the value itself is never stored.
import { createHash, randomBytes } from 'node:crypto';
import type { SimDb } from '../core/db';
import { bulkInsert } from './bulk';

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

const COLUMNS = 'token_id, owner_id, created_by_id, created_by_username, comment, creation_time, expiry_time, last_used_day, scopes';

export class TokenStore {
  constructor(private readonly db: SimDb) {}

  async get(tokenId: string): Promise<TokenRow | undefined> {
    const row = await this.db.one(`SELECT ${COLUMNS} FROM ws.tokens WHERE token_id = ?`, [tokenId]);
    return row ? fromRow(row) : undefined;
  }

  async list(filter: TokenFilter = {}): Promise<TokenRow[]> {
    const conditions: Array<[string, string | undefined]> = [
      ['owner_id = ?', filter.ownerId],
      ['created_by_id = ?', filter.createdById],
      ['lower(created_by_username) = lower(?)', filter.createdByUsername],
    ];
    const used = conditions.filter((c): c is [string, string] => c[1] !== undefined);
    const where = used.map(([sql]) => sql);
    const params = used.map(([, v]) => v);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.db.all(`SELECT ${COLUMNS} FROM ws.tokens ${clause} ORDER BY creation_time, token_id`, params);
    return rows.map(fromRow);
  }

  async countForOwner(ownerId: string): Promise<number> {
    const row = await this.db.one<{ n: bigint }>('SELECT count(*) AS n FROM ws.tokens WHERE owner_id = ?', [ownerId]);
    return Number(row?.n ?? 0);
  }

  async insert(row: TokenRow): Promise<void> {
    await this.insertMany([row]);
  }

  async insertMany(rows: TokenRow[]): Promise<void> {
    await bulkInsert(this.db, 'tokens', ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'bigint', 'bigint', 'bigint', 'varchar'],
      rows.map((r) => [r.tokenId, r.ownerId, r.createdById, r.createdByUsername, r.comment, r.creationTime, r.expiryTime, r.lastUsedDay,
        r.scopes ? JSON.stringify(r.scopes) : null]));
  }

  async delete(tokenId: string): Promise<boolean> {
    const existing = await this.get(tokenId);
    if (!existing) return false;
    await this.db.run('DELETE FROM ws.tokens WHERE token_id = ?', [tokenId]);
    return true;
  }

  async update(tokenId: string, fields: { comment?: string; scopes?: string[] }): Promise<void> {
    if (fields.comment !== undefined) await this.db.run('UPDATE ws.tokens SET comment = ? WHERE token_id = ?', [fields.comment, tokenId]);
    if (fields.scopes !== undefined) await this.db.run('UPDATE ws.tokens SET scopes = ? WHERE token_id = ?', [JSON.stringify(fields.scopes), tokenId]);
  }

  async touch(tokenId: string, day: number): Promise<void> {
    await this.db.run('UPDATE ws.tokens SET last_used_day = ? WHERE token_id = ?', [day, tokenId]);
  }
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
