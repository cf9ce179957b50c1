import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { decodeCursor } from "./cursor.js";

/**
 * Shared by the lists of associations, spheres and members: search by folded name (lower case, no accents, so
 * "ile" finds "Île-de-France") served by the trigram indexes on trame_fold(name), and keyset pages ordered by
 * (trame_fold(name), id) so that a page never skips nor repeats a row, even between equal names.
 */

/** `trame_fold(column) LIKE %q%`, with the LIKE wildcards of the search text taken literally. */
export function foldedNameContains(column: SQLWrapper, q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`trame_fold(${column}) LIKE '%' || trame_fold(${escaped}) || '%'`;
}

export interface NameCursor {
  name: string;
  id: string;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** A tampered or foreign cursor restarts the list rather than failing (or reaching the database as a bad uuid). */
export function decodeNameCursor(cursor: string | undefined): NameCursor | null {
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  const [name, id] = values;
  if (typeof name !== "string" || typeof id !== "string" || !uuidPattern.test(id)) return null;
  return { name, id };
}

/** Rows after the cursor in (trame_fold(name), id) order: a row comparison the btree index serves directly. */
export function afterNameCursor(nameColumn: SQLWrapper, idColumn: SQLWrapper, after: NameCursor | null): SQL | undefined {
  if (!after) return undefined;
  return sql`(trame_fold(${nameColumn}), ${idColumn}) > (${after.name}::text, ${after.id}::uuid)`;
}
