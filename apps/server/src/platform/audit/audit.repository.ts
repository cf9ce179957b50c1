import { and, desc, eq, sql } from "drizzle-orm";
import type { TimestampCursor } from "../db/timestamp-cursor.js";
import type { DbOrTx } from "../db/transaction.js";
import { auditLog } from "./audit.tables.js";

export interface AuditRecord {
  associationId: string | null;
  actorId: string | null;
  /** `<resource>.<pastTense>`, e.g. `sphereMember.roleChanged`. */
  action: string;
  targetType: string;
  targetId: string | null;
  data?: Record<string, unknown>;
}

/** Written inside the transaction of the action it records: no action without its trace, no trace without its action. */
export async function insertAuditRecord(db: DbOrTx, record: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({ ...record, data: record.data ?? {} });
}

/** Newest first, `limit + 1` rows after the cursor; `at` is the exact timestamp text for the next cursor. */
export async function listAuditRecords(db: DbOrTx, associationId: string, page: { limit: number; after: TimestampCursor | null }) {
  const after = page.after;
  return db
    .select({
      id: auditLog.id,
      at: sql<string>`${auditLog.createdAt}::text`,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`(SELECT display_name FROM users u WHERE u.id = ${auditLog.actorId})`,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.associationId, associationId),
        // A row comparison on the microsecond value: rows of the same millisecond are neither skipped nor repeated.
        after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(page.limit + 1);
}
