// The walk: lists the workspace tree from / and exports what changed, with bounded concurrency. A notebook or file
// whose object id and modified_at match what the store remembers (read by the same scanner version) is skipped, so a
// re-scan of an unchanged workspace makes no export call. Exports go before further listing, so memory holds a
// frontier, not the tree. Throttling (429/503 once the REST client's own retries are spent) pauses every worker for
// the server's Retry-After and halves the concurrency; it grows back one worker at a time as calls succeed.
import 'server-only';
import { createHash } from 'node:crypto';
import type { ScanProgress } from '@/lib/code-scan/contract';
import { BINARY_FILE, scanSource, SCANNER_VERSION, type Language } from '@/lib/code-scan/rules/scan';
import { isDatabricksError } from '@/lib/databricks/errors';
import type { ObjectInfo } from '@/lib/databricks/api/workspace';
import { upstreamReason } from '@/lib/databricks/upstream';
import type { ObjectState, ObjectWrite, ScanObjectType, UnreadableReason } from '@/lib/store/code-scan';

export interface WalkUpstream {
  list(path: string, signal: AbortSignal): Promise<ObjectInfo[]>;
  export(path: string, kind: 'NOTEBOOK' | 'FILE', signal: AbortSignal): Promise<Buffer>;
}

export interface WalkOptions {
  upstream: WalkUpstream;
  /** What the store remembers, by object id. */
  known: ReadonlyMap<string, ObjectState>;
  mode: 'incremental' | 'full';
  signal: AbortSignal;
  concurrency?: number;
  /** Writes a batch of objects as read (called from the walk; the walk waits for it). */
  save(batch: ObjectWrite[]): Promise<void>;
  now?: () => number;
}

export interface WalkResult {
  /** Object id → path, for every notebook, file and library seen. */
  seen: Map<string, string>;
  /** Unchanged objects found at a new path, and unchanged ones that were stale before. */
  moved: Array<{ objectId: string; path: string }>;
  unstale: string[];
  /** Folder path → id and type (for the owners' permissions). */
  folders: Map<string, { id: string; type: 'DIRECTORY' | 'REPO' }>;
  /** Folders whose content this walk does not know (listing refused or failed): nothing below them is pruned. */
  unlisted: string[];
}

export const DEFAULT_CONCURRENCY = 24;
const MIN_CONCURRENCY = 2;
const SAVE_BATCH = 200;
const MAX_THROTTLED = 8;
const MAX_TRANSIENT = 2;
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type Task =
  | { kind: 'list'; path: string; inRepo: boolean; attempt: number }
  | { kind: 'export'; info: ObjectInfo & { id: string }; type: 'NOTEBOOK' | 'FILE'; inRepo: boolean; attempt: number };

export function emptyProgress(): ScanProgress {
  return {
    phase: 'listing',
    folders: 0,
    listed: 0,
    scanned: 0,
    skipped: 0,
    failed: 0,
    failedBy: { permission: 0, size: 0, format: 0, error: 0 },
    exports: 0,
    removed: 0,
    stale: 0,
    hiddenFolders: 0,
    unlistedFolders: 0,
  };
}

const LANGUAGES = new Set(['PYTHON', 'SQL', 'SCALA', 'R']);
const languageOf = (l: string | undefined): Language | null => (l && LANGUAGES.has(l) ? (l as Language) : null);

/** A finding's id: stable across scans while it stays on its line, and independent of the value. */
function findingId(objectId: string, detector: string, line: number, ordinal: number): string {
  return createHash('sha256').update(`${objectId}\n${detector}\n${line}\n${ordinal}`).digest('hex').slice(0, 32);
}

/** How a failed export or listing reads: a reason to record, a wait-and-retry, or the end of the walk. */
function classify(
  e: unknown,
):
  | { kind: 'unreadable'; reason: UnreadableReason }
  | { kind: 'throttled'; waitMs: number }
  | { kind: 'transient' }
  | { kind: 'gone' }
  | { kind: 'cancelled' } {
  if (!isDatabricksError(e)) return { kind: 'unreadable', reason: 'error' };
  if (e.errorCode === 'CANCELLED') return { kind: 'cancelled' };
  if (e.status === 429 || e.status === 503) return { kind: 'throttled', waitMs: (e.retryAfterSeconds ?? 2) * 1000 };
  if (e.status === 404 && (e.declaredCode === 'RESOURCE_DOES_NOT_EXIST' || e.declaredCode === 'NOT_FOUND')) return { kind: 'gone' };
  if (e.status === 403) return { kind: 'unreadable', reason: 'permission' };
  if (/MAX_NOTEBOOK_SIZE_EXCEEDED|MAX_READ_SIZE_EXCEEDED|MAX_BLOCK_SIZE_EXCEEDED/.test(e.errorCode))
    return { kind: 'unreadable', reason: 'size' };
  if (e.status === 400 || e.status === 501) return { kind: 'unreadable', reason: 'format' };
  if (e.status === 0 || e.status >= 500) return { kind: 'transient' };
  return { kind: 'unreadable', reason: 'error' };
}

export class Walk {
  readonly progress = emptyProgress();
  private readonly result: WalkResult = { seen: new Map(), moved: [], unstale: [], folders: new Map(), unlisted: [] };
  private readonly lists: Task[] = [];
  private readonly exports: Task[] = [];
  private pending: ObjectWrite[] = [];
  private active = 0;
  private limit: number;
  private readonly max: number;
  private successes = 0;
  private pausedUntil = 0;
  private waiters: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly opts: WalkOptions) {
    this.max = opts.concurrency ?? DEFAULT_CONCURRENCY;
    this.limit = this.max;
    this.now = opts.now ?? Date.now;
  }

  async run(): Promise<WalkResult> {
    this.opts.signal.addEventListener('abort', () => this.wake(), { once: true });
    this.lists.push({ kind: 'list', path: '/', inRepo: false, attempt: 0 });
    await Promise.all(Array.from({ length: this.max }, () => this.worker()));
    await this.flush();
    return this.result;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private waitForChange(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? null : setTimeout(resolve, ms);
      this.waiters.push(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }

  private async worker(): Promise<void> {
    while (!this.opts.signal.aborted) {
      const pause = this.pausedUntil - this.now();
      if (pause > 0) {
        await this.waitForChange(pause);
        continue;
      }
      if (this.active >= this.limit) {
        await this.waitForChange();
        continue;
      }
      const task = this.exports.pop() ?? this.lists.shift();
      if (!task) {
        if (this.active === 0) {
          this.wake();
          return;
        }
        await this.waitForChange();
        continue;
      }
      this.active++;
      try {
        await (task.kind === 'list' ? this.list(task) : this.export(task));
      } finally {
        this.active--;
        this.wake();
      }
    }
    this.wake();
  }

  /** Puts a task back after throttling or a transient failure; false when it has been tried enough. */
  private retry(task: Task, e: unknown): boolean {
    const c = classify(e);
    if (c.kind === 'throttled' && task.attempt < MAX_THROTTLED) {
      this.pausedUntil = Math.max(this.pausedUntil, this.now() + c.waitMs);
      this.limit = Math.max(MIN_CONCURRENCY, Math.floor(this.limit / 2));
      this.successes = 0;
    } else if (!(c.kind === 'transient' && task.attempt < MAX_TRANSIENT)) return false;
    (task.kind === 'list' ? this.lists : this.exports).push({ ...task, attempt: task.attempt + 1 });
    return true;
  }

  private succeeded(): void {
    if (this.limit < this.max && ++this.successes >= 20) {
      this.limit++;
      this.successes = 0;
    }
  }

  private async list(task: Extract<Task, { kind: 'list' }>): Promise<void> {
    let children: ObjectInfo[];
    try {
      children = await this.opts.upstream.list(task.path, this.opts.signal);
      this.succeeded();
    } catch (e) {
      const c = classify(e);
      if (c.kind === 'cancelled' || c.kind === 'gone' || this.retry(task, e)) return;
      if (c.kind === 'unreadable' && c.reason === 'permission') this.progress.hiddenFolders++;
      else this.progress.unlistedFolders++;
      this.result.unlisted.push(task.path);
      return;
    }
    for (const child of children) {
      const type = child.object_type;
      if (type === 'DIRECTORY' || type === 'REPO') {
        this.progress.folders++;
        if (child.id) this.result.folders.set(child.path, { id: child.id, type });
        this.lists.push({ kind: 'list', path: child.path, inRepo: task.inRepo || type === 'REPO', attempt: 0 });
      } else if ((type === 'NOTEBOOK' || type === 'FILE' || type === 'LIBRARY') && child.id) {
        await this.consider({ ...child, id: child.id }, type, task.inRepo);
      }
    }
  }

  /** Decides what to do with one notebook, file or library from a listing. */
  private async consider(info: ObjectInfo & { id: string }, type: ScanObjectType, inRepo: boolean): Promise<void> {
    this.progress.listed++;
    this.result.seen.set(info.id, info.path);
    const known = this.opts.known.get(info.id);
    const unchanged =
      this.opts.mode === 'incremental' &&
      known !== undefined &&
      known.rulesVersion === SCANNER_VERSION &&
      known.objectType === type &&
      (type === 'LIBRARY' || (info.modified_at !== undefined && known.modifiedAt === info.modified_at));
    // An object refused or failed last time is tried again; one too large or not text stays so until it changes.
    if (unchanged && (known.status === 'scanned' || known.reason === 'size' || known.reason === 'format')) {
      this.progress.skipped++;
      if (known.path !== info.path) this.result.moved.push({ objectId: info.id, path: info.path });
      else if (known.stale) this.result.unstale.push(info.id);
      return;
    }
    if (type === 'LIBRARY')
      return this.record(info, type, inRepo, {
        reason: 'format',
        detail: 'A library is an uploaded package, not source Databricks can export.',
      });
    if (type === 'FILE' && BINARY_FILE.test(info.path))
      return this.record(info, type, inRepo, { reason: 'format', detail: 'A binary file (package, archive, data or image).' });
    if (type === 'FILE' && (info.size ?? 0) > MAX_FILE_BYTES)
      return this.record(info, type, inRepo, { reason: 'size', detail: `${info.size} bytes: over the 10 MB export limit.` });
    this.exports.push({ kind: 'export', info, type, inRepo, attempt: 0 });
  }

  private async export(task: Extract<Task, { kind: 'export' }>): Promise<void> {
    const { info, type, inRepo } = task;
    let bytes: Buffer;
    try {
      this.progress.exports++;
      bytes = await this.opts.upstream.export(info.path, type, this.opts.signal);
      this.succeeded();
    } catch (e) {
      const c = classify(e);
      if (c.kind === 'cancelled' || this.retry(task, e)) return;
      if (c.kind === 'gone') {
        this.progress.listed--;
        this.result.seen.delete(info.id);
        return;
      }
      const reason = c.kind === 'unreadable' ? c.reason : 'error';
      return this.record(info, type, inRepo, { reason, detail: upstreamReason(e) });
    }
    if (bytes.subarray(0, 8192).includes(0))
      return this.record(info, type, inRepo, { reason: 'format', detail: 'Binary content, not text.' });
    const language = languageOf(info.language);
    const scan = scanSource(bytes.toString('utf8'), { objectType: type, language, path: info.path });
    const ordinals = new Map<string, number>();
    const findings = scan.findings.map((f) => {
      const key = `${f.line}:${f.detector}`;
      const ordinal = ordinals.get(key) ?? 0;
      ordinals.set(key, ordinal + 1);
      return { ...f, id: findingId(info.id, f.detector, f.line, ordinal) };
    });
    this.progress.scanned++;
    await this.push({
      ...this.base(info, type, inRepo),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      status: 'scanned',
      reason: null,
      detail: null,
      truncated: scan.truncated,
      findings,
    });
  }

  private base(info: ObjectInfo & { id: string }, type: ScanObjectType, inRepo: boolean) {
    return {
      objectId: info.id,
      path: info.path,
      objectType: type,
      language: languageOf(info.language),
      modifiedAt: info.modified_at ?? null,
      rulesVersion: SCANNER_VERSION,
      scannedAt: this.now(),
      inGitFolder: inRepo,
    };
  }

  private async record(
    info: ObjectInfo & { id: string },
    type: ScanObjectType,
    inRepo: boolean,
    why: { reason: UnreadableReason; detail: string },
  ): Promise<void> {
    this.progress.failed++;
    this.progress.failedBy[why.reason]++;
    await this.push({ ...this.base(info, type, inRepo), contentHash: null, status: 'unreadable', ...why, truncated: false, findings: [] });
  }

  private async push(write: ObjectWrite): Promise<void> {
    this.pending.push(write);
    if (this.pending.length >= SAVE_BATCH) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.opts.save(batch);
  }
}
