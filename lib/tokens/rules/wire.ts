// The tokens list on the wire. Sent as objects, 20,000 tokens weigh ~12 MB (measured), mostly repeated owners and
// reason texts; as positional rows with owners, creator names and reasons stored once, ~3 MB. Risk level and days
// left are derived again on decode. Pure and client-safe: the route encodes, the page decodes.
import { daysUntil, highestLevel } from './risk';
import type { RiskReason, TokenOwner, TokenRow } from './types';

/** [tokenId, comment, creationTime, expiryTime, lastUsedDay, creator index (-1: none), owner index, reason indexes] */
export type WireRow = [string, string, number, number | null, number | null, number, number, number[]];

export interface TokenListWire {
  owners: TokenOwner[];
  creators: string[];
  reasons: RiskReason[];
  rows: WireRow[];
}

function interner<T>(keyOf: (v: T) => string) {
  const index = new Map<string, number>();
  const values: T[] = [];
  return {
    values,
    add(v: T): number {
      const key = keyOf(v);
      let i = index.get(key);
      if (i === undefined) {
        i = values.length;
        values.push(v);
        index.set(key, i);
      }
      return i;
    },
  };
}

export function encodeTokenRows(rows: readonly TokenRow[]): TokenListWire {
  const owners = interner<TokenOwner>((o) => `${o.id}\u0000${o.kind}\u0000${o.name}\u0000${o.displayName}\u0000${o.status}`);
  const creators = interner<string>((c) => c);
  const reasons = interner<RiskReason>((r) => `${r.code}\u0000${r.level}\u0000${r.text}`);
  const out: WireRow[] = rows.map((r) => [
    r.tokenId,
    r.comment,
    r.creationTime,
    r.expiryTime,
    r.lastUsedDay,
    r.createdBy === null ? -1 : creators.add(r.createdBy),
    owners.add(r.owner),
    r.reasons.map((x) => reasons.add(x)),
  ]);
  return { owners: owners.values, creators: creators.values, reasons: reasons.values, rows: out };
}

/**
 * The first `n` rows with dictionaries holding only what those rows use: what the server page embeds so the first
 * screen shows at once, instead of a long list's every owner and reason.
 */
export function headOfWire(wire: TokenListWire, n: number): TokenListWire {
  if (wire.rows.length <= n) return wire;
  const owners = interner<number>(String);
  const creators = interner<number>(String);
  const reasons = interner<number>(String);
  const rows = wire.rows
    .slice(0, n)
    .map(([id, comment, created, expiry, lastUsed, creator, owner, reasonIdx]): WireRow => [
      id,
      comment,
      created,
      expiry,
      lastUsed,
      creator < 0 ? -1 : creators.add(creator),
      owners.add(owner),
      reasonIdx.map((i) => reasons.add(i)),
    ]);
  return {
    owners: owners.values.map((i) => wire.owners[i]!),
    creators: creators.values.map((i) => wire.creators[i]!),
    reasons: reasons.values.map((i) => wire.reasons[i]!),
    rows,
  };
}

/** Rebuilds the rows; `now` must be the instant the server assessed them, so days left match its risk rules. */
export function decodeTokenRows(wire: TokenListWire, now: number): TokenRow[] {
  return wire.rows.map(([tokenId, comment, creationTime, expiryTime, lastUsedDay, creator, owner, reasonIdx]) => {
    const reasons = reasonIdx.map((i) => wire.reasons[i]!);
    return {
      tokenId,
      comment,
      creationTime,
      expiryTime,
      lastUsedDay,
      createdBy: creator < 0 ? null : wire.creators[creator]!,
      owner: wire.owners[owner]!,
      risk: highestLevel(reasons),
      reasons,
      daysLeft: expiryTime === null ? null : daysUntil(expiryTime, now),
    };
  });
}
