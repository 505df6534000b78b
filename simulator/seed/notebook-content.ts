// Seeded workspace content, rebuilt on demand from a small spec ({t: template, s: seed}) so that export returns
// the same bytes on every call and restart without the seed storing a blob per notebook.
import type { Language } from '../store/workspace-objects';
import { code, renderSource, type NotebookMark } from './notebook-source';
import { nearMisses } from './notebook-near-misses';
import { PLANTED_LANGUAGE, positives } from './notebook-planted';
import {
  pyAnalysis,
  pyAutoLoader,
  pyEtl,
  pyMl,
  pyPlatform,
  pyQuality,
  pyScratch,
  pyUtils,
  type Drafted,
} from './notebook-templates-python';
import { rActuarial, scalaBatch, scalaStream, sqlAdhoc, sqlDdl, sqlMerge, sqlReport } from './notebook-templates-other';
import { Rng } from './random';

export interface Spec {
  /** Template name. */
  t: string;
  /** PRNG seed for the template's choices. */
  s: number;
}

type Draft = (rng: Rng, name: string) => Drafted;

const CLEAN: Record<string, { language: Language; draft: Draft }> = {
  'py-etl': { language: 'PYTHON', draft: pyEtl },
  'py-analysis': { language: 'PYTHON', draft: pyAnalysis },
  'py-ml': { language: 'PYTHON', draft: pyMl },
  'py-utils': { language: 'PYTHON', draft: (rng) => pyUtils(rng) },
  'py-quality': { language: 'PYTHON', draft: pyQuality },
  'py-autoloader': { language: 'PYTHON', draft: pyAutoLoader },
  'py-platform': { language: 'PYTHON', draft: pyPlatform },
  'py-scratch': { language: 'PYTHON', draft: (rng) => pyScratch(rng) },
  'sql-report': { language: 'SQL', draft: sqlReport },
  'sql-ddl': { language: 'SQL', draft: sqlDdl },
  'sql-merge': { language: 'SQL', draft: sqlMerge },
  'sql-adhoc': { language: 'SQL', draft: (rng) => sqlAdhoc(rng) },
  'scala-stream': { language: 'SCALA', draft: scalaStream },
  'scala-batch': { language: 'SCALA', draft: scalaBatch },
  'r-actuarial': { language: 'R', draft: rActuarial },
  'py-huge-inline': { language: 'PYTHON', draft: hugeInline },
};

export const CLEAN_TEMPLATES = Object.keys(CLEAN).filter((t) => t !== 'py-huge-inline');

const registry: Record<string, { language: Language; draft: Draft }> = {
  ...CLEAN,
  ...Object.fromEntries(
    [...Object.entries(positives), ...Object.entries(nearMisses)].map(([t, draft]) => [
      t,
      { language: PLANTED_LANGUAGE[t] ?? 'PYTHON', draft: (rng: Rng) => draft(rng) },
    ]),
  ),
};

export const languageOf = (t: string): Language => {
  const entry = registry[t];
  if (!entry) throw new Error(`Unknown notebook template ${t}`);
  return entry.language;
};

export const specOf = (t: string, s: number) => JSON.stringify({ t, s } satisfies Spec);

/** The SOURCE text of a seeded notebook and the marks of what was planted in it. */
export function notebookSource(spec: string, path: string): { text: string; marks: NotebookMark[]; language: Language } {
  const { t, s } = JSON.parse(spec) as Spec;
  const entry = registry[t];
  if (!entry) throw new Error(`Unknown notebook template ${t}`);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const { cells } = entry.draft(new Rng(s), name);
  return { ...renderSource(entry.language, cells), language: entry.language };
}

/**
 * Someone pasted a rating table into a cell years ago: the SOURCE export is over Databricks' 10 MB export limit
 * (10,485,760 bytes), so export answers MAX_NOTEBOOK_SIZE_EXCEEDED.
 */
function hugeInline(rng: Rng): Drafted {
  const products = ['Auto', 'Home', 'Commercial Property'];
  const factors = Array.from(
    { length: 997 },
    () => `${(0.7 + rng.int(0, 5999) / 10000).toFixed(4)}, ${(0.8 + rng.int(0, 3999) / 10000).toFixed(4)}`,
  );
  const rows: string[] = ['RATING_FACTORS = ['];
  for (let i = 0; i < 260_000; i++)
    rows.push(`    ("${String(i % 100_000).padStart(5, '0')}", "${products[i % 3]}", ${factors[(i * 31) % 997]}),`);
  rows.push(']');
  return {
    cells: [
      code(['# Rating factors by ZIP, 2019 filing (pasted from the pricing workbook)']),
      code(rows),
      code(['spark.createDataFrame(RATING_FACTORS, "zip string, product string, base double, territory double").display()']),
    ],
  };
}

/** Files in Git folders and home folders: what they hold, by name. */
export function fileContent(name: string): string {
  switch (name) {
    case 'README.md':
      return '# Harbor & Pine data pipelines\n\nNotebooks run by Databricks jobs. Secrets live in the `prod-etl` and `etl-orchestrator` scopes.\n';
    case 'requirements.txt':
      return 'databricks-sdk==0.29.0\nrequests==2.32.3\nparamiko==3.4.0\nboto3==1.34.131\npandas==2.2.2\n';
    case 'pipelines.yaml':
      return [
        'default_cluster:',
        '  spark_version: 15.4.x-scala2.12',
        '  node_type_id: Standard_D8ds_v5',
        '  spark_conf:',
        '    fs.azure.account.key.harborpinedatalake.dfs.core.windows.net: "{{secrets/akv-prod-keys/storage-account-key}}"',
        '',
      ].join('\n');
    case '.env.example':
      return 'DATABRICKS_HOST=https://<your-workspace>.azuredatabricks.net\nDATABRICKS_TOKEN=<your-token>\nSFTP_PRIVATE_KEY_PATH=~/.ssh/<your-key>\n';
    case 'account_mapping.csv':
      return 'gl_account,reporting_line\n4000,Premium income\n4100,Fee income\n5000,Claims paid\n5100,Claims handling\n6000,Commissions\n';
    default:
      return `# ${name}\n`;
  }
}

/** Near-misses in files, for the test-facing description (1-based lines of fileContent). */
export const FILE_NEAR_MISSES: Record<string, Array<{ line: number; kind: string; note: string }>> = {
  'pipelines.yaml': [{ line: 5, kind: 'azure-storage-account-key', note: 'secret-reference' }],
  '.env.example': [{ line: 2, kind: 'databricks-token', note: 'placeholder' }],
};
