// The test-facing description of what the seed planted in the workspace's code: every hard-coded credential
// (positives) and every line that only looks like one (near-misses), with the 1-based line of the SOURCE export.
// Derived from the same specs the simulator serves, so "a full scan finds exactly these positives" is checkable.
// Clean notebooks may still read secrets through dbutils.secrets.get: those are not listed, and are not findings.
// The values are fake: random characters in the shape of real credentials.
import type { Scale } from '../core/contract';
import type { Language } from '../store/workspace-objects';
import { FILE_NEAR_MISSES, notebookSource } from './notebook-content';
import { fixedPlan } from './notebooks-fixed';

export interface PlantedSecret {
  path: string;
  objectType: 'NOTEBOOK';
  language: Language;
  line: number;
  /** databricks-token, aws-access-key-id, aws-secret-access-key, azure-storage-account-key, jdbc-password, private-key, slack-webhook, password */
  kind: string;
  /** string, comment, spark-conf, jdbc-url, magic (a %sh cell), key-block (the BEGIN line of a PEM block) */
  placement: string;
  value: string;
}

export interface NearMiss {
  path: string;
  objectType: 'NOTEBOOK' | 'FILE';
  line: number;
  /** The kind a careless rule would report. */
  kind: string;
  /** secret-scope-lookup, secret-reference, secret-function, placeholder, test-fixture, documented-example, runtime-lookup, checksum… */
  reason: string;
}

export function plantedNotebookSecrets(scale: Scale = 'demo', seed = 42): { positives: PlantedSecret[]; nearMisses: NearMiss[] } {
  const positives: PlantedSecret[] = [];
  const nearMisses: NearMiss[] = [];
  for (const o of fixedPlan(scale, seed).objects) {
    if (o.type === 'FILE' && o.file)
      for (const m of FILE_NEAR_MISSES[o.file] ?? [])
        nearMisses.push({ path: o.path, objectType: 'FILE', line: m.line, kind: m.kind, reason: m.note });
    if (o.type !== 'NOTEBOOK' || !o.spec || !/"t":"[pn]-/.test(o.spec)) continue;
    const { marks, language } = notebookSource(o.spec, o.path);
    for (const m of marks) {
      if (m.category === 'positive')
        positives.push({
          path: o.path,
          objectType: 'NOTEBOOK',
          language,
          line: m.line,
          kind: m.kind,
          placement: m.note,
          value: m.value ?? '',
        });
      else nearMisses.push({ path: o.path, objectType: 'NOTEBOOK', line: m.line, kind: m.kind, reason: m.note });
    }
  }
  return { positives, nearMisses };
}
