// Response schemas shared by several API areas. Databricks omits empty list fields (API reference §1.1), so every
// list in a response schema goes through listOf() and arrives as [] rather than undefined.
import 'server-only';
import { z } from 'zod';

export function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
}

/** Mutations without a response model answer `{}` or an empty body. */
export const emptyResponse = z.unknown();

/** SCIM ComplexValue (emails, groups, entitlements, members). */
export const complexValue = z.object({
  value: z.string().optional(),
  display: z.string().optional(),
  primary: z.boolean().optional(),
  type: z.string().optional(),
  $ref: z.string().optional(),
});

export const scimUser = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string().optional(),
  active: z.boolean().optional().default(true),
  emails: listOf(complexValue),
  groups: listOf(complexValue),
});
export type ScimUser = z.output<typeof scimUser>;

export function scimList<T extends z.ZodType>(resource: T) {
  return z.object({
    totalResults: z.coerce.number().optional().default(0),
    startIndex: z.coerce.number().optional().default(1),
    itemsPerPage: z.coerce.number().optional(),
    Resources: listOf(resource),
  });
}
