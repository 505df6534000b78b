// The validators for scope and key names, on their own so a page that only names a secret (the token rotation's
// delivery on /tokens) does not ship the whole secrets contract. lib/secrets/contract.ts re-exports them. zod/mini.
import * as z from 'zod/mini';
import { keyNameProblem, scopeNameProblem } from './rules/names';

/** A scope name as Databricks accepts it; `label` starts the messages ("scope is required"). */
export const scopeNameSchema = (label = 'The scope name') =>
  z.string({ error: `${label} is required` }).check(
    z.trim(),
    z.superRefine((v, ctx) => {
      const problem = scopeNameProblem(v, label);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: v });
    }),
  );

export const secretKeySchema = (label = 'The key') =>
  z.string({ error: `${label} is required` }).check(
    z.trim(),
    z.superRefine((v, ctx) => {
      const problem = keyNameProblem(v, label);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: v });
    }),
  );
