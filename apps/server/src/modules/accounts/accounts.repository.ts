import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { sessions, users } from "./accounts.tables.js";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function insertUser(
  db: DbOrTx,
  values: { email: string; displayName: string; language?: "fr" | "en"; passwordHash?: string | null; isInstanceAdmin?: boolean },
): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({
      email: values.email.trim(),
      displayName: values.displayName.trim(),
      language: values.language ?? "fr",
      passwordHash: values.passwordHash ?? null,
      isInstanceAdmin: values.isInstanceAdmin ?? false,
    })
    .returning();
  return row!;
}

export async function countInstanceAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.isInstanceAdmin, true));
  return row?.n ?? 0;
}

export async function insertSession(
  db: DbOrTx,
  values: { id: string; userId: string; csrfToken: string; userAgent: string | null; ip: string | null; expiresAt: string },
): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

/** One query per request: the session and its user, only if the session has not expired. */
export async function findLiveSessionWithUser(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/** Sliding expiry, written at most once a minute per session to keep reads cheap. */
export async function touchSession(db: DbOrTx, sessionId: string, expiresAt: string): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()`, expiresAt })
    .where(and(eq(sessions.id, sessionId), sql`${sessions.lastSeenAt} < now() - interval '1 minute'`));
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
