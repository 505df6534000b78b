// GET /api/grants/script: the fix-up of the current findings as a SQL script (the exact statements, each under the
// finding it fixes) or as Terraform databricks_grant resources.
import 'server-only';
import type { Workspace } from '@/lib/databricks/get-workspace';
import type { ScriptQuery } from '@/lib/grants/contract';
import type { GrantFix } from '@/lib/grants/rules/findings';
import { terraformScript } from '@/lib/grants/rules/terraform';
import { collectFindings, type FindingsOptions } from './findings';

export interface Script {
  fileName: string;
  contentType: string;
  body: string;
}

/** SQL comments hold one line each: a finding's text may not end the comment and start a statement. */
const comment = (text: string) => `-- ${text.replace(/[\r\n]+/g, ' ')}`;

export async function fixUpScript(ws: Workspace, query: ScriptQuery, opts: FindingsOptions = {}): Promise<Script> {
  const now = opts.now ?? new Date();
  const { response, grants } = await collectFindings(ws, query.days, { ...opts, now });
  const chosen = response.findings.filter(
    (f) => f.fix && f.sql && (!query.code || query.code.includes(f.code)) && (!query.level || query.level.includes(f.level)),
  );
  const stamp = now.toISOString().slice(0, 10);
  if (query.format === 'terraform') {
    return {
      fileName: `brickwatch-grants-${stamp}.tf`,
      contentType: 'text/plain; charset=utf-8',
      body: terraformScript(
        chosen.map((f) => f.fix as GrantFix),
        grants,
        now,
      ),
    };
  }
  const seen = new Set<string>();
  const lines = [
    comment(`Brickwatch grant fix-up, generated ${now.toISOString()} from ${chosen.length} finding${chosen.length === 1 ? '' : 's'}.`),
    comment('Review each statement before running it. Lineage records only part of all reads and writes.'),
    '',
  ];
  for (const f of chosen) {
    if (seen.has(f.sql!)) continue;
    seen.add(f.sql!);
    lines.push(comment(f.text), `${f.sql};`, '');
  }
  return { fileName: `brickwatch-grants-${stamp}.sql`, contentType: 'application/sql; charset=utf-8', body: lines.join('\n') };
}
