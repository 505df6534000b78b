// How any area's API names a principal to the browser: the name grants use, what kind it is, what people call it,
// and whether it still exists. zod/mini: it ships.
import * as z from 'zod/mini';
import { PRINCIPAL_KINDS } from './rules';

export const principalSchema = z.object({
  name: z.string(),
  kind: z.enum([...PRINCIPAL_KINDS, 'unknown']),
  displayName: z.nullable(z.string()),
  status: z.enum(['active', 'deactivated', 'deleted']),
});
export type PrincipalRef = z.output<typeof principalSchema>;
