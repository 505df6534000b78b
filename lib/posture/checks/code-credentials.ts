// Check 13: no hard-coded credentials in notebooks or repos: the code scan's findings (issue 17), handed over by
// lib/posture/server/inputs/code-scan.ts. A workspace never scanned is "not collected: no scan yet", and a scan that
// could not read some objects says how many. Each item links to the finding on the code scan page (owner and fix).
import 'server-only';
import type { CheckMeta, Gap, Verdict } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { codeCredentialsInput } from '@/lib/posture/server/inputs/code-scan';
import { defineCheck, evidence } from './define';

export interface CodeCredentialFinding {
  /** The code scan's finding id (its page opens the finding from ?finding=). */
  id: string;
  /** Workspace path of the notebook or file, e.g. '/Repos/ana@harborpine.com/etl/load.py'. */
  path: string;
  line: number;
  /** The detector that matched, e.g. 'Databricks token', 'AWS key pair'. */
  detector: string;
  /** Masked by the scanner (never the secret itself), e.g. 'dapi••••••••3f2a'. */
  preview: string;
}

export interface CodeCredentialsInput {
  /** When the last complete scan finished; null: none has. */
  scannedAt: number | null;
  findings: CodeCredentialFinding[];
  /** Objects the scan could not read (permission, errors, folders it could not list), so "0 findings" never hides "0 scanned". */
  gaps: Gap[];
  /** Objects no scan can read (libraries, binary files, over the 10 MB export limit): said beside a pass, not a gap. */
  unscannable: number;
}

export const codeCredentialsMeta: CheckMeta = {
  id: 'code-credentials',
  number: 13,
  title: 'No hard-coded credentials in notebooks or repos',
  category: 'Secrets',
  severity: 'high',
  reads: [
    {
      what: 'Notebooks and files in the workspace and its repos (code scan: Workspace API list and export)',
      permission: 'Workspace admin, or CAN_READ on every folder, notebook and repo',
    },
  ],
  judges: 'Fails for every credential the last complete code scan found; not collected until a scan has completed.',
  fix: {
    text: 'Move each value into a secret scope, read it with dbutils.secrets.get(scope, key), and rotate the credential: everyone who could read the code has seen it.',
    label: 'Open Credentials in code',
    href: '/secrets/code',
    external: false,
  },
};

export function judgeCodeCredentials(input: CodeCredentialsInput): Verdict {
  if (input.scannedAt === null)
    return {
      status: 'not_collected',
      reason: 'No code scan has completed yet.',
      needs: 'A code scan: an analyst or admin starts one on the Credentials in code page (Secrets)',
      notes: [],
    };
  const items = input.findings.map((f) =>
    evidence(
      // The detector too: two credentials on one line are two items.
      `code:${f.path}:${f.line}:${f.detector}`,
      `${f.path}:${f.line}`,
      `${f.detector}: ${f.preview}`,
      `/secrets/code?finding=${encodeURIComponent(f.id)}`,
    ),
  );
  const unscannable = input.unscannable
    ? ` ${plural(input.unscannable, 'object')} no scan can read (libraries, binary files, over 10 MB) ${input.unscannable === 1 ? 'was' : 'were'} not looked at.`
    : '';
  const files = new Set(input.findings.map((f) => f.path)).size;
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: `The last code scan (${new Date(input.scannedAt).toISOString().slice(0, 10)}) found no credential.${unscannable}`,
    failReason: () => `${plural(items.length, 'hard-coded credential')} in ${plural(files, 'notebook or file', 'notebooks and files')}.`,
  });
}

export const codeCredentialsCheck = defineCheck(codeCredentialsMeta, codeCredentialsInput, judgeCodeCredentials);
