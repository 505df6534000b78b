// The data-protection area's contract: the columns query, the mask and row-filter bodies (parts only: functions are
// created or reused by the server, no SQL text comes from the browser), the page's URL state, and every answer.
// zod/mini: it ships.
import * as z from 'zod/mini';
import { orElse, toSearchParams } from '@/lib/url-state';
import { SENSITIVE_KINDS } from './rules/detect';

const normalise = (v: unknown): unknown => {
  const one = Array.isArray(v) ? v.at(-1) : v;
  return typeof one === 'string' && one.trim() === '' ? undefined : one;
};
const optional = <T extends z.ZodMiniType>(schema: T) => z.pipe(z.transform(normalise), z.optional(schema));

const PART = /^[^.\s/`\u0000-\u001f\u007f]+$/;
const catalogName = z
  .string()
  .check(z.trim(), z.maxLength(255, 'catalog is at most 255 characters'), z.regex(PART, 'catalog must be one name'));
const threePart = (field: string, example: string) =>
  z
    .string({ error: `${field} is required` })
    .check(
      z.trim(),
      z.maxLength(800, `${field} is at most 800 characters`),
      z.regex(
        /^[^.\s/`\u0000-\u001f\u007f]+\.[^.\s/`\u0000-\u001f\u007f]+\.[^.\s/`\u0000-\u001f\u007f]+$/,
        `${field} must be a full name such as ${example}`,
      ),
    );
const columnName = z
  .string({ error: 'column is required' })
  .check(
    z.minLength(1, 'column is required'),
    z.maxLength(255, 'column is at most 255 characters'),
    z.regex(/^[^`\u0000-\u001f\u007f]+$/, 'column must not contain backticks or control characters'),
  );
const groupName = z
  .string({ error: 'allowedGroup is required' })
  .check(
    z.trim(),
    z.minLength(1, 'allowedGroup is required'),
    z.maxLength(255, 'allowedGroup is at most 255 characters'),
    z.regex(/^[^'\\\u0000-\u001f\u007f]+$/, 'allowedGroup must not contain quotes, backslashes or control characters'),
  );
const dryRun = z.optional(z.boolean({ error: 'dryRun must be true or false' }));

export const columnsQuerySchema = z.object({ catalog: optional(catalogName) });
export type ColumnsQuery = z.output<typeof columnsQuerySchema>;

export const maskBody = z.object({
  table: threePart('table', 'analytics.silver.customers'),
  column: columnName,
  /** The group whose members see raw values. */
  allowedGroup: groupName,
  dryRun,
});
export type MaskBody = z.output<typeof maskBody>;

export const maskDeleteBody = z.object({ table: threePart('table', 'analytics.silver.customers'), column: columnName, dryRun });
export type MaskDeleteBody = z.output<typeof maskDeleteBody>;

export const rowFilterBody = z.object({
  table: threePart('table', 'analytics.silver.customers'),
  function: threePart('function', 'main.governance.region_filter'),
  /** Columns passed to the filter function, in order (none for a filter without arguments). */
  columns: z.array(columnName, { error: 'columns must be a list of column names' }).check(z.maxLength(32, 'at most 32 columns')),
  dryRun,
});
export type RowFilterBody = z.output<typeof rowFilterBody>;

export const rowFilterDeleteBody = z.object({ table: threePart('table', 'analytics.silver.customers'), dryRun });
export type RowFilterDeleteBody = z.output<typeof rowFilterDeleteBody>;

// ---- Responses ----

const noticeSchema = z.object({ code: z.string(), message: z.string() });
const figures = {
  sensitive: z.number(),
  masked: z.number(),
  ratio: z.number(),
  tables: z.number(),
  filteredTables: z.number(),
  filteredRatio: z.number(),
};

export const columnSchema = z.object({
  table: z.string(),
  column: z.string(),
  dataType: z.string(),
  kind: z.enum(SENSITIVE_KINDS),
  /** How it was found. */
  sources: z.array(z.enum(['name', 'tag', 'type'])),
  tags: z.array(z.string()),
  masked: z.boolean(),
  maskFunction: z.nullable(z.string()),
  /** Extra columns passed to the mask. */
  maskUsing: z.array(z.string()),
  rowFilter: z.nullable(z.object({ function: z.string(), columns: z.array(z.string()) })),
  /** People and service principals with effective SELECT on the table. */
  readers: z.number(),
  /** Those of them who see raw values; null when it depends on the function (its body cannot be analysed). */
  unmaskedReaders: z.nullable(z.array(z.string())),
  /** Why unmaskedReaders is null. */
  exposureNote: z.nullable(z.string()),
});
export type ColumnView = z.output<typeof columnSchema>;

export const functionSchema = z.object({
  name: z.string(),
  usedAs: z.array(z.enum(['mask', 'filter'])),
  owner: z.nullable(z.string()),
  body: z.nullable(z.string()),
  /** Who sees raw values (masks), when the body says it plainly. */
  raw: z.nullable(z.object({ rawFor: z.enum(['members', 'non_members']), groups: z.array(z.string()), users: z.array(z.string()) })),
  note: z.nullable(z.string()),
  usedBy: z.array(z.object({ table: z.string(), column: z.nullable(z.string()) })),
});
export type FunctionView = z.output<typeof functionSchema>;

export const columnsResponseSchema = z.object({
  columns: z.array(columnSchema),
  coverage: z.object({ ...figures, byCatalog: z.array(z.object({ catalog: z.string(), ...figures })) }),
  functions: z.array(functionSchema),
  notices: z.array(noticeSchema),
  /** Where new masking functions are created (catalog.schema). */
  maskSchema: z.string(),
  /** Groups a mask can let see raw values. */
  groups: z.array(z.string()),
  statements: z.number(),
  readAt: z.number(),
});
export type ColumnsResponse = z.output<typeof columnsResponseSchema>;

export const changeResponseSchema = z.object({
  /** The statements, in order, exactly as run (or as they would run on a dry run). */
  sql: z.array(z.string()),
  requestId: z.string(),
  dryRun: z.boolean(),
  /** Masks: the function used, and whether this change creates it. */
  function: z.optional(z.object({ name: z.string(), created: z.boolean() })),
});
export type ChangeResponse = z.output<typeof changeResponseSchema>;

// ---- The /data-protection page's URL ----

const pageShape = z.object({
  catalog: orElse(optional(catalogName), undefined),
  kind: orElse(optional(z.enum(SENSITIVE_KINDS)), undefined),
  status: orElse(optional(z.enum(['unmasked', 'masked'])), undefined),
  q: orElse(optional(z.string().check(z.maxLength(200))), undefined),
});
export type ProtectionPageState = z.output<typeof pageShape>;
const KEYS = ['catalog', 'kind', 'status', 'q'] as const;

export function parseProtectionPage(raw: URLSearchParams | Record<string, string | string[] | undefined>): ProtectionPageState {
  const obj: Record<string, unknown> = {};
  for (const k of KEYS) obj[k] = raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : raw[k];
  const parsed = z.safeParse(pageShape, obj);
  return parsed.success ? parsed.data : {};
}

export const PROTECTION_URL = {
  keys: KEYS,
  parse: (raw: URLSearchParams) => parseProtectionPage(raw),
  serialize: (s: ProtectionPageState) => toSearchParams(s as Record<string, unknown>),
} as const;

export const columnTarget = (table: string, column: string) => `column:${table}.${column}`;
export const tableTarget = (table: string) => `table:${table}`;
