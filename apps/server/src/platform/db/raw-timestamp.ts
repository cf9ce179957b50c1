/**
 * A timestamptz read by a raw statement (`db.execute`) arrives as PostgreSQL's text ("2026-12-02 05:17:31.563+00"):
 * Drizzle's driver keeps dates as text there, bypassing the ISO parser of database.ts. This gives the same ISO
 * string the query builder's columns give.
 */
export function isoFromPgTimestamp(value: string): string;
export function isoFromPgTimestamp(value: string | null): string | null;
export function isoFromPgTimestamp(value: string | null): string | null {
  if (value === null) return null;
  return new Date(value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")).toISOString();
}
