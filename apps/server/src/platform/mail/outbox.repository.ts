import { and, asc, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/transaction.js";
import { outboxMessages } from "./mail.tables.js";

export type OutboxRow = typeof outboxMessages.$inferSelect;

export async function findOutboxMessage(db: DbOrTx, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
  return row ?? null;
}

/**
 * Settles a queued message (sent, stored or failed). Only a `queued` row changes: a message is never settled twice,
 * even if two runs of its job overlap. Answers whether this call settled it.
 */
export async function settleOutboxMessage(
  db: DbOrTx,
  id: string,
  outcome: { status: "sent" | "stored" | "failed"; error?: string },
): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({
      status: outcome.status,
      error: outcome.error ?? null,
      sentAt: outcome.status === "sent" ? sql`now()` : null,
    })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "queued")))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

/** Keeps the last delivery error of a message that will be retried, for the administrator reading the outbox. */
export async function recordOutboxError(db: DbOrTx, id: string, error: string): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ error })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, "queued")));
}

/** Messages still queued after `olderThanSeconds`: their delivery job may have been lost (crash after commit). */
export async function listStaleQueuedMessageIds(db: DbOrTx, olderThanSeconds: number, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, "queued"),
        lt(outboxMessages.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
      ),
    )
    .orderBy(outboxMessages.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Newest first, keyset on (created_at, id) in the order of the table's index. `at` is the exact timestamp as text
 * (microseconds: an ISO string would round them away and skip or repeat rows). Answers `limit + 1` rows so that the
 * caller can tell whether a page follows.
 */
export async function listOutboxMessages(db: DbOrTx, page: { limit: number; after: { at: string; id: string } | null }) {
  const after = page.after;
  return db
    .select({
      id: outboxMessages.id,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      status: outboxMessages.status,
      createdAt: outboxMessages.createdAt,
      at: sql<string>`${outboxMessages.createdAt}::text`,
    })
    .from(outboxMessages)
    .where(
      after
        ? or(
            lt(outboxMessages.createdAt, sql`${after.at}::timestamptz`),
            and(eq(outboxMessages.createdAt, sql`${after.at}::timestamptz`), gt(outboxMessages.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(outboxMessages.createdAt), asc(outboxMessages.id))
    .limit(page.limit + 1);
}
