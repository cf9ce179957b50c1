import { z } from "zod";
import { textSchema } from "./common.contract.js";

/**
 * Keyset pagination: every list answers at most `limit` items and an opaque cursor for the next page.
 * No list in the API is unbounded.
 */
export const pageQuerySchema = z.object({
  cursor: textSchema.max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const searchPageQuerySchema = pageQuerySchema.extend({
  q: textSchema.trim().max(100).optional(),
});
export type SearchPageQuery = z.infer<typeof searchPageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}
export type Page<T> = { items: T[]; nextCursor: string | null };
