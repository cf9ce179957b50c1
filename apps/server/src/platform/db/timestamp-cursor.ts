import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "./cursor.js";

/**
 * Keyset cursors on (timestamp, uuid). The timestamp travels as PostgreSQL's own text (`col::text`, microseconds):
 * an ISO string from JavaScript keeps milliseconds only, and rows within the same millisecond would be skipped or
 * repeated. A cursor that does not decode to a valid pair restarts the list (never a database error).
 */
export interface TimestampCursor {
  at: string;
  id: string;
}

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTimestampCursor(cursor: TimestampCursor): string {
  return encodeCursor([cursor.at, cursor.id]);
}

/** `isId` checks the id part (a uuid by default): a malformed id must not reach a typed SQL comparison. */
export function decodeTimestampCursor(
  cursor: string | undefined,
  isId: (id: string) => boolean = (id) => UUID.test(id),
): TimestampCursor | null {
  const values = decodeCursor(cursor, 2);
  if (!values) return null;
  const [at, id] = values;
  if (typeof at !== "string" || typeof id !== "string" || !TIMESTAMP_TEXT.test(at) || !isId(id)) return null;
  return { at, id };
}

/** Cuts a `limit + 1` result into a page whose cursor is the last row's (at, id). */
export function toTimestampPage<T extends { at: string; id: string }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: hasMore && last ? encodeTimestampCursor({ at: last.at, id: last.id }) : null };
}

/** The exact text of a timestamp column, for a cursor key (see above). */
export const exactTimestamp = (column: SQLWrapper) => sql<string>`${column}::text`;

/** Rows after the cursor in (timestamp DESC, id DESC) order — newest first — as one row comparison. */
export function olderThanCursor(timestampColumn: SQLWrapper, idColumn: SQLWrapper, after: TimestampCursor | null): SQL | undefined {
  if (!after) return undefined;
  return sql`(${timestampColumn}, ${idColumn}) < (${after.at}::timestamptz, ${after.id}::uuid)`;
}
