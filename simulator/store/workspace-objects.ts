// The workspace tree (notebooks, folders, Git folders, files, libraries): held in memory and written through to
// ws.workspace_objects. Seeded notebooks keep only a small generator spec; their source is rebuilt on export, so
// 20,000 notebooks cost a few megabytes instead of a blob each. A notebook written by import stores its bytes.
import { blobValue } from '@duckdb/node-api';
import type { SimDb } from '../core/db';
import { bulkInsert, type Cell } from './bulk';

export type ObjectType = 'NOTEBOOK' | 'DIRECTORY' | 'REPO' | 'FILE' | 'LIBRARY';
export type Language = 'PYTHON' | 'SQL' | 'SCALA' | 'R';

export interface RepoInfo {
  url: string;
  provider: string;
  branch: string;
  headCommitId: string;
}

export interface WsNode {
  id: number;
  path: string;
  type: ObjectType;
  language: Language | null;
  /** Epoch ms; notebooks and files only. */
  createdAt: number | null;
  modifiedAt: number | null;
  /** Who created it (userName or applicationId); not served, used by the seed's audit history. */
  creator: string | null;
  /** Content generator spec of a seeded object, or null when the bytes are stored. */
  spec: string | null;
  /** Byte size of files (served as `size`). */
  size: number | null;
  repo: RepoInfo | null;
}

export interface WsRow extends WsNode {
  content: Uint8Array | null;
}

const COLUMNS = 'object_id, path, object_type, language, created_at, modified_at, creator, spec, size, repo';
const KINDS = ['bigint', 'varchar', 'varchar', 'varchar', 'bigint', 'bigint', 'varchar', 'varchar', 'bigint', 'varchar', 'blob'] as const;

export const parentOf = (path: string) => (path === '/' ? null : path.slice(0, path.lastIndexOf('/')) || '/');
export const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function toCells(n: WsRow): Cell[] {
  return [
    n.id,
    n.path,
    n.type,
    n.language,
    n.createdAt,
    n.modifiedAt,
    n.creator,
    n.spec,
    n.size,
    n.repo && JSON.stringify(n.repo),
    n.content,
  ];
}

export class WorkspaceObjects {
  private byPath = new Map<string, WsNode>();
  private byId = new Map<number, WsNode>();
  private kids = new Map<string, Map<string, WsNode>>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly db: SimDb) {}

  static async load(db: SimDb): Promise<WorkspaceObjects> {
    const store = new WorkspaceObjects(db);
    // DOUBLE, not BIGINT: ids (< 2^53) and epoch ms convert far faster as numbers.
    const rows = await db.all<Record<string, unknown>>(
      `SELECT CAST(object_id AS DOUBLE) AS object_id, path, object_type, language, CAST(created_at AS DOUBLE) AS created_at,
         CAST(modified_at AS DOUBLE) AS modified_at, creator, spec, CAST(size AS DOUBLE) AS size, repo FROM ws.workspace_objects`,
    );
    for (const r of rows) store.index(fromRow(r));
    return store;
  }

  static async seed(db: SimDb, rows: Iterable<WsRow>): Promise<void> {
    await bulkInsert(
      db,
      'workspace_objects',
      [...KINDS],
      (function* () {
        for (const r of rows) yield toCells(r);
      })(),
    );
  }

  get(path: string): WsNode | undefined {
    return this.byPath.get(path);
  }

  getById(id: number): WsNode | undefined {
    return this.byId.get(id);
  }

  children(path: string): WsNode[] {
    return [...(this.kids.get(path)?.values() ?? [])];
  }

  /** The node and every node below it, parents before children. */
  subtree(path: string): WsNode[] {
    const root = this.byPath.get(path);
    if (!root) return [];
    const out: WsNode[] = [root];
    for (let i = 0; i < out.length; i++) out.push(...this.children((out[i] as WsNode).path));
    return out;
  }

  /** Ancestors from the parent up to the root. */
  ancestors(node: WsNode): WsNode[] {
    const out: WsNode[] = [];
    for (let p = parentOf(node.path); p !== null; p = parentOf(p)) {
      const n = this.byPath.get(p);
      if (n) out.push(n);
    }
    return out;
  }

  /** The Git folder a node lives in (itself when it is one), or undefined. */
  repoOf(node: WsNode): WsNode | undefined {
    return node.type === 'REPO' ? node : this.ancestors(node).find((a) => a.type === 'REPO');
  }

  all(): IterableIterator<WsNode> {
    return this.byPath.values();
  }

  /** Stored bytes of an imported object (null for seeded ones, whose content comes from their spec). */
  async content(node: WsNode): Promise<Uint8Array | null> {
    if (node.spec !== null) return null;
    const row = await this.db.one<{ content: Uint8Array | null }>('SELECT content FROM ws.workspace_objects WHERE object_id = ?', [
      node.id,
    ]);
    return row?.content ?? null;
  }

  /** Runs mutations one at a time, so a check-then-write in one request cannot interleave with another's. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Inserts or replaces objects (by path) and their stored content. */
  async put(rows: WsRow[]): Promise<void> {
    await this.db.transaction(async (c) => {
      for (const r of rows) {
        await c.run('DELETE FROM ws.workspace_objects WHERE path = ?', [r.path]);
        const cells = toCells(r).slice(0, -1) as Array<string | number | null>;
        // DuckDB binds binary parameters as BLOB only through its value wrapper.
        const content = r.content ? blobValue(r.content) : null;
        await c.run(`INSERT INTO ws.workspace_objects (${COLUMNS}, content) VALUES (${[...cells, content].map(() => '?').join(', ')})`, [
          ...cells,
          content,
        ]);
      }
    });
    for (const r of rows) {
      const { content: _content, ...node } = r;
      const old = this.byPath.get(node.path);
      if (old) this.unindex(old);
      this.index(node);
    }
  }

  async remove(nodes: WsNode[]): Promise<void> {
    if (!nodes.length) return;
    await this.db.transaction(async (c) => {
      for (const n of nodes) await c.run('DELETE FROM ws.workspace_objects WHERE object_id = ?', [n.id]);
    });
    for (const n of nodes) this.unindex(n);
  }

  private index(n: WsNode): void {
    this.byPath.set(n.path, n);
    this.byId.set(n.id, n);
    const parent = parentOf(n.path);
    if (parent === null) return;
    let m = this.kids.get(parent);
    if (!m) this.kids.set(parent, (m = new Map()));
    m.set(nameOf(n.path), n);
  }

  private unindex(n: WsNode): void {
    this.byPath.delete(n.path);
    this.byId.delete(n.id);
    const parent = parentOf(n.path);
    if (parent !== null) this.kids.get(parent)?.delete(nameOf(n.path));
  }
}

function fromRow(r: Record<string, unknown>): WsNode {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.object_id),
    path: String(r.path),
    type: r.object_type as ObjectType,
    language: (r.language as Language | null) ?? null,
    createdAt: num(r.created_at),
    modifiedAt: num(r.modified_at),
    creator: (r.creator as string | null) ?? null,
    spec: (r.spec as string | null) ?? null,
    size: num(r.size),
    repo: r.repo ? (JSON.parse(String(r.repo)) as RepoInfo) : null,
  };
}
