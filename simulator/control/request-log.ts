// Every request the simulator answered (or hung up on), for tests and benchmarks that count upstream calls.
// Bodies are never recorded; query strings only for REST paths (they carry scope/key names, never values).
export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: string;
  /** 0 when no response was sent (hang ended by the client, or a dropped response). */
  status: number;
  durationMs: number;
  /** userName / applicationId of the caller, when known. */
  identity: string | null;
  requestId: string;
  /** "<rule id>:<action type>" when a fault rule fired. */
  fault: string | null;
}

export interface RequestLogQuery {
  since?: number;
  limit?: number;
  method?: string;
  pathPrefix?: string;
}

const CAPACITY = 200_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  record(e: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ ...e, seq: ++this.seq });
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
  }

  list(q: RequestLogQuery = {}): RequestLogEntry[] {
    const out = this.entries.filter(
      (e) =>
        (q.since === undefined || e.seq > q.since) &&
        (q.method === undefined || e.method === q.method.toUpperCase()) &&
        (q.pathPrefix === undefined || e.path.startsWith(q.pathPrefix)),
    );
    return q.limit === undefined ? out : out.slice(-q.limit);
  }

  reset(): number {
    const n = this.entries.length;
    this.entries = [];
    return n;
  }
}
