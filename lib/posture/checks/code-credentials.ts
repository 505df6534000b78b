// Check 13: no hard-coded credentials in notebooks or repos: the code scan's findings (issue 17). Until that area lands,
// its input (lib/posture/server/inputs/code-scan.ts) throws "area not built"; once it has, a workspace never scanned is
// "not collected: no scan yet", and a scan that could not read some objects says how many.
import 'server-only';
import type { CheckMeta, Gap, Verdict } from '@/lib/posture/rules/types';
import { plural, verdictFrom } from '@/lib/posture/rules/verdict';
import { codeCredentialsInput } from '@/lib/posture/server/inputs/code-scan';
import { defineCheck, evidence, workspaceUrl, type JudgeEnv } from './define';

export interface CodeCredentialFinding {
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
  /** Objects the scan could not read (permission, size, format), so "0 findings" never hides "0 scanned". */
  gaps: Gap[];
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
    label: 'Open Secrets',
    href: '/secrets',
    external: false,
  },
};

export function judgeCodeCredentials(input: CodeCredentialsInput, { host }: JudgeEnv): Verdict {
  if (input.scannedAt === null)
    return {
      status: 'not_collected',
      reason: 'No code scan has completed yet.',
      needs: 'An admin to start a code scan on the Secrets page',
      notes: [],
    };
  const items = input.findings.map((f) =>
    evidence(
      `code:${f.path}:${f.line}`,
      `${f.path}:${f.line}`,
      `${f.detector}: ${f.preview}`,
      workspaceUrl(host, `/#workspace${encodeURI(f.path)}`),
    ),
  );
  const files = new Set(input.findings.map((f) => f.path)).size;
  return verdictFrom({
    evidence: items,
    gaps: input.gaps,
    passReason: `The last code scan (${new Date(input.scannedAt).toISOString().slice(0, 10)}) found no credential.`,
    failReason: () => `${plural(items.length, 'hard-coded credential')} in ${plural(files, 'notebook or file', 'notebooks and files')}.`,
  });
}

export const codeCredentialsCheck = defineCheck(codeCredentialsMeta, codeCredentialsInput, judgeCodeCredentials);
