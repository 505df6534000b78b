// Scans one exported notebook (Databricks SOURCE format) or workspace file, line by line, and returns findings that
// hold a masked preview and never the value. Lines are 1-based, as an editor shows them. Where a line sits matters
// for the fix: code, a comment (a commented-out credential is still readable by everyone who can open the
// notebook, and in its revision history), a %sh cell, markdown text or a configuration file.
import { candidatesIn, MAYBE_SECRET, type Candidate, type DetectorId } from './detectors';
import { maskedPreview } from './mask';
import { assignedName, safeReason, type SafeReason } from './safe-patterns';

export type Language = 'PYTHON' | 'SQL' | 'SCALA' | 'R';
export type LineContext = 'code' | 'comment' | 'shell' | 'text' | 'config';

export interface ScanFinding {
  line: number;
  detector: DetectorId;
  preview: string;
  /** The name the value was assigned to, for the fix (`DATABRICKS_TOKEN`, `aws_secret_access_key`, a conf key). */
  variable: string | null;
  context: LineContext;
}

export interface SafeMatch {
  line: number;
  detector: DetectorId;
  reason: SafeReason;
}

export interface ScanResult {
  findings: ScanFinding[];
  /** Lines that looked like a credential and were let through, with why (for tests and diagnostics; no value). */
  safe: SafeMatch[];
  /** More findings existed than are kept for one object. */
  truncated: boolean;
}

export interface SourceInfo {
  objectType: 'NOTEBOOK' | 'FILE';
  /** The notebook's language; null for files. */
  language: Language | null;
  path: string;
}

/**
 * Bumped whenever the detectors or safe patterns change what they report: objects read by an older version are read
 * again by the next scan even when unchanged, so the findings always come from the rules that ship.
 */
export const SCANNER_VERSION = '1';

/** Workspace files that hold no text to scan (packages, archives, data, images): not exported at all. */
export const BINARY_FILE =
  /\.(whl|jar|egg|zip|gz|tgz|tar|bz2|xz|7z|parquet|orc|avro|png|jpe?g|gif|bmp|ico|pdf|docx?|xlsx?|pptx?|so|dll|exe|bin|pkl|pickle|joblib|h5|pt|onnx|npy|npz|db|sqlite|dbc)$/i;

/** One object's findings are capped: a dump of keys is one problem to fix, not a thousand rows. */
export const MAX_FINDINGS_PER_OBJECT = 100;
/** Lines longer than this are data (a pasted table, minified output), scanned in their first part only. */
const MAX_LINE = 20_000;

const COMMENT: Record<Language, string> = { PYTHON: '#', R: '#', SQL: '--', SCALA: '//' };
const KEY_VALUE_FILE = /(^|\/)\.env[^/]*$|\.(env|properties|cfg|ini|conf|sh|bash|ya?ml|toml)$/i;

function fileComment(path: string): string {
  if (/\.sql$/i.test(path)) return '--';
  if (/\.(scala|java|js|ts|kt|go|c|cpp|cs)$/i.test(path)) return '//';
  return '#';
}

/**
 * Resolves overlaps: the first candidate (specific formats come first) claims its span, and learns the name a
 * generic candidate saw for the same value (`token="dapi…"` → the token's variable is `token`).
 */
function claim(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const owner = kept.find((k) => c.start < k.end && k.start < c.end);
    if (!owner) kept.push({ ...c });
    else if (owner.name === null && c.name !== null) owner.name = c.name;
  }
  return kept;
}

export function scanSource(text: string, source: SourceInfo): ScanResult {
  const notebook = source.objectType === 'NOTEBOOK';
  const marker = notebook ? COMMENT[source.language ?? 'PYTHON'] : fileComment(source.path);
  const keyValueLines = !notebook && KEY_VALUE_FILE.test(source.path);
  const magicPrefix = `${marker} MAGIC`;
  const findings: ScanFinding[] = [];
  const safe: SafeMatch[] = [];
  let truncated = false;
  // The magic of the current notebook cell (%sh, %md, %sql …), read from its first MAGIC line.
  let cellMagic: string | null = null;
  let cellStart = true;

  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw;
    const trimmed = line.trimStart();
    if (notebook && trimmed.startsWith(`${marker} COMMAND ----------`)) {
      cellMagic = null;
      cellStart = true;
      continue;
    }
    const isMagic = notebook && trimmed.startsWith(magicPrefix);
    if (cellStart && trimmed !== '' && !trimmed.startsWith(`${marker} DBTITLE`)) {
      cellMagic = isMagic ? (/^%(\w+)/.exec(trimmed.slice(magicPrefix.length).trim())?.[1] ?? null) : null;
      cellStart = false;
    }
    if (!MAYBE_SECRET.test(line)) continue;

    const kept = claim(candidatesIn(line, { keyValueLines }));
    if (kept.length === 0) continue;
    const content = isMagic ? trimmed.slice(magicPrefix.length).trim() : trimmed;
    const context: LineContext = !notebook
      ? keyValueLines
        ? 'config'
        : content.startsWith(marker)
          ? 'comment'
          : 'code'
      : isMagic && cellMagic === 'sh'
        ? 'shell'
        : isMagic && cellMagic === 'md'
          ? 'text'
          : /^(#|--|\/\/)/.test(content.replace(/^%\w+\s*/, ''))
            ? 'comment'
            : 'code';
    for (const c of kept) {
      const reason = safeReason(c, line);
      if (reason) {
        safe.push({ line: i + 1, detector: c.detector, reason });
        continue;
      }
      if (findings.length >= MAX_FINDINGS_PER_OBJECT) {
        truncated = true;
        continue;
      }
      findings.push({ line: i + 1, detector: c.detector, preview: maskedPreview(c), variable: c.name ?? assignedName(line), context });
    }
  }
  return { findings, safe, truncated };
}
