// Unity Catalog's functions API (API reference §10–11): one function's definition. information_schema.routines answers
// routine_definition only to the function's owner, so the body of a masking function someone else owns is read here
// (GET /api/2.1/unity-catalog/functions/{full_name} returns it to anyone allowed to see the function).
import 'server-only';
import { z } from 'zod';
import type { RestClient } from '@/lib/databricks/rest-client';

const functionInfo = z.object({
  full_name: z.string().optional(),
  owner: z.string().nullish(),
  routine_definition: z.string().nullish(),
  full_data_type: z.string().nullish(),
  data_type: z.string().nullish(),
  input_params: z
    .object({
      parameters: z.array(z.object({ name: z.string(), type_text: z.string().nullish(), position: z.number().nullish() })).nullish(),
    })
    .nullish(),
});
export type FunctionInfo = z.output<typeof functionInfo>;

/** `catalog.schema.name` → the function's metadata and body. Each part is path-escaped on its own, the dots kept. */
export async function getFunction(rest: RestClient, fullName: string, signal?: AbortSignal): Promise<FunctionInfo> {
  const path = fullName.split('.').map(encodeURIComponent).join('.');
  return rest.get(`/api/2.1/unity-catalog/functions/${path}`, functionInfo, { signal });
}
