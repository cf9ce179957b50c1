/**
 * Opaque keyset cursors: the last row's sort key, base64url-encoded JSON.
 * A tampered cursor decodes to null and the list restarts instead of failing.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((v) => typeof v === "string" || typeof v === "number")) {
      return parsed as (string | number)[];
    }
  } catch {
    // fall through
  }
  return null;
}

/** Cuts a `limit + 1` result into a page and the cursor of its last row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
