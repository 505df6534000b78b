// The code-scan area's contract ("credentials in code"): the scan request, URL state, and every response the
// browser parses, plus the input the posture check reads. zod/mini: it ships. A finding carries a masked preview,
// never a credential.
import * as z from 'zod/mini';
import { principalSchema } from '@/lib/principals/contract';
import { orElse, parseSearchParams, toSearchParams } from '@/lib/url-state';
import { DETECTOR_IDS } from './rules/detector-ids';

export const RUN_STATES = ['running', 'completed', 'cancelled', 'failed'] as const;
export const UNREADABLE_REASONS = ['permission', 'size', 'format', 'error'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];
export const SCAN_PHASES = ['listing', 'checking', 'owners', 'done'] as const;
export const LINE_CONTEXTS = ['code', 'comment', 'shell', 'text', 'config'] as const;
export const OWNER_SOURCES = ['audit-log', 'folder', 'none', 'unavailable', 'pending'] as const;

export const UNREADABLE_LABELS: Record<UnreadableReason, string> = {
  permission: 'no permission',
  size: 'too large to export (over 10 MB)',
  format: 'not exportable as text',
  error: 'failed to read',
};

// ---- requests ----

export const startScanBody = z.object({
  mode: z.enum(['incremental', 'full'], { error: 'mode must be "incremental" (read only what changed) or "full" (read everything)' }),
});
export type StartScanBody = z.output<typeof startScanBody>;

export const scanIdParams = z.object({ id: z.string().check(z.regex(/^[a-z0-9-]{8,64}$/, { error: 'is not a scan id' })) });

/** How a scan is named in the action log. */
export const scanTarget = (id: string) => `code-scan:${id}`;

// ---- URL state: which finding is open, and the detector filter ----

const findingId = z.string().check(z.regex(/^[a-f0-9]{32}$/));
export const codeScanUrlSchema = z.object({
  finding: orElse(z.optional(findingId), undefined),
  detector: orElse(z.optional(z.enum(DETECTOR_IDS)), undefined),
});
export type CodeScanUrlState = z.output<typeof codeScanUrlSchema>;
export const CODE_SCAN_URL = {
  keys: ['finding', 'detector'],
  parse: (raw: URLSearchParams): CodeScanUrlState => parseSearchParams(codeScanUrlSchema, raw),
  serialize: (state: CodeScanUrlState) => toSearchParams(state),
} as const;

// ---- responses ----

const count = z.number().check(z.int(), z.gte(0));
export const unreadableCountsSchema = z.object({ permission: count, size: count, format: count, error: count });

export const progressSchema = z.object({
  phase: z.enum(SCAN_PHASES),
  /** Folders and Git folders listed. */
  folders: count,
  /** Notebooks, files and libraries found. */
  listed: count,
  /** Exported and scanned in this run. */
  scanned: count,
  /** Not read again: unchanged since they were last read. */
  skipped: count,
  /** Could not be read in this run, by reason. */
  failed: count,
  failedBy: unreadableCountsSchema,
  /** Export calls made (zero for a re-scan of an unchanged workspace). */
  exports: count,
  /** Objects gone from the workspace since the last scan, and known objects this scan could not see. */
  removed: count,
  stale: count,
  /** Folders the scanning identity may not list, and folders whose listing failed. */
  hiddenFolders: count,
  unlistedFolders: count,
});
export type ScanProgress = z.output<typeof progressSchema>;

export const scanRunSchema = z.object({
  id: z.string(),
  kind: z.enum(['manual', 'scheduled']),
  mode: z.enum(['incremental', 'full']),
  /** The person who started it, or "schedule". */
  startedBy: z.string(),
  /** The Databricks identity it read the workspace as. */
  actingAs: z.string(),
  state: z.enum(RUN_STATES),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  cancelRequested: z.boolean(),
  progress: progressSchema,
  error: z.nullable(z.string()),
});
export type ScanRun = z.output<typeof scanRunSchema>;

export const scheduleSchema = z.object({
  state: z.enum(['on', 'off']),
  everyHours: z.nullable(z.number()),
  actingAs: z.nullable(z.string()),
  /** Why scheduled scans are off, in words. */
  reason: z.nullable(z.string()),
});
export type ScanSchedule = z.output<typeof scheduleSchema>;

export const statusResponseSchema = z.object({
  running: z.nullable(scanRunSchema),
  /** The newest finished run, whatever its outcome. */
  latest: z.nullable(scanRunSchema),
  lastCompleted: z.nullable(scanRunSchema),
  schedule: scheduleSchema,
});
export type StatusResponse = z.output<typeof statusResponseSchema>;

export const ownerSchema = z.object({
  source: z.enum(OWNER_SOURCES),
  /** The name grants use (userName, group, application id); null when there is no owner. */
  name: z.nullable(z.string()),
  /** The same, resolved in the directory (display name, deactivated or deleted); null when the directory was not read. */
  principal: z.nullable(principalSchema),
  /** How the owner was found, or why there is none ("every user can manage /Shared"). */
  note: z.nullable(z.string()),
});
export type FindingOwner = z.output<typeof ownerSchema>;

export const findingSchema = z.object({
  id: z.string(),
  objectId: z.string(),
  path: z.string(),
  objectType: z.enum(['NOTEBOOK', 'FILE']),
  language: z.nullable(z.enum(['PYTHON', 'SQL', 'SCALA', 'R'])),
  line: count,
  detector: z.enum(DETECTOR_IDS),
  preview: z.string(),
  variable: z.nullable(z.string()),
  context: z.enum(LINE_CONTEXTS),
  firstSeenAt: z.string(),
  /** When the object was last read. */
  scannedAt: z.string(),
  /** The last scan could not see the object again (hidden from its identity, or its folder failed to list). */
  stale: z.boolean(),
  inGitFolder: z.boolean(),
  owner: ownerSchema,
});
export type Finding = z.output<typeof findingSchema>;

export const coverageSchema = z.object({
  objects: count,
  notebooks: count,
  files: count,
  libraries: count,
  scanned: count,
  unreadable: unreadableCountsSchema,
  unreadableTotal: count,
  stale: count,
  withFindings: count,
  findings: count,
});
export type Coverage = z.output<typeof coverageSchema>;

export const unreadableObjectSchema = z.object({
  path: z.string(),
  objectType: z.enum(['NOTEBOOK', 'FILE', 'LIBRARY']),
  reason: z.enum(UNREADABLE_REASONS),
  detail: z.nullable(z.string()),
});
export type UnreadableObject = z.output<typeof unreadableObjectSchema>;

export const findingsResponseSchema = z.object({
  findings: z.array(findingSchema),
  coverage: coverageSchema,
  /** The objects that could not be read, up to a few hundred (coverage has the full counts). */
  unreadable: z.array(unreadableObjectSchema),
  /** Things a person should know about this view ("owners' display names not collected: …"). */
  notices: z.array(z.string()),
  /** Display names of the identities scans ran as and were started by, where the directory knows them. */
  displayNames: z.record(z.string(), z.string()),
});
export type FindingsResponse = z.output<typeof findingsResponseSchema>;

export const startScanResponseSchema = z.object({ run: scanRunSchema });
export const cancelScanResponseSchema = z.object({ run: scanRunSchema });

// ---- the posture check "No hard-coded credentials in notebooks or repos" ----

export const codeScanCheckInputSchema = z.discriminatedUnion('collected', [
  z.object({ collected: z.literal(false), reason: z.string() }),
  z.object({
    collected: z.literal(true),
    /** When the newest completed scan finished (ISO), and as whom it read the workspace. */
    completedAt: z.string(),
    actingAs: z.string(),
    coverage: coverageSchema,
    /** Every finding the scans know of (masked previews, owners, fixes are derived from the detector). */
    findings: z.array(findingSchema),
    /** What could not be collected about them ("owners' display names not collected: …"). */
    notices: z.array(z.string()),
    /** A scan is running now: the figures may change soon. */
    running: z.boolean(),
  }),
]);
export type CodeScanCheckInput = z.output<typeof codeScanCheckInputSchema>;
