import { and, asc, desc, eq, gt, lt, ne, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/transaction.js";
import type { TimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { emailTokens, sessions, users } from "./accounts.tables.js";

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type EmailTokenPurpose = (typeof emailTokens.$inferSelect)["purpose"];

/** The unique index that makes e-mail addresses case-insensitively unique. */
export const USERS_EMAIL_KEY = "users_email_lower_key";

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

export async function hasInstanceAdmin(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.isInstanceAdmin, true)).limit(1);
  return rows.length > 0;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  values: { displayName?: string; language?: "fr" | "en"; passwordHash?: string | null },
): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/**
 * Users ordered by lower(email) (unique: a keyset on it alone never skips nor repeats), searched by address or by
 * folded display name. Answers `limit + 1` rows.
 */
export async function listUsersPage(db: DbOrTx, page: { limit: number; afterEmail: string | null; q: string | undefined }) {
  const q = page.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      language: users.language,
      isInstanceAdmin: users.isInstanceAdmin,
      createdAt: users.createdAt,
      sortEmail: sql<string>`lower(${users.email})`,
    })
    .from(users)
    .where(
      and(
        page.afterEmail ? sql`lower(${users.email}) > ${page.afterEmail}` : undefined,
        pattern
          ? or(sql`lower(${users.email}) LIKE lower(${pattern})`, sql`trame_fold(${users.displayName}) LIKE trame_fold(${pattern})`)
          : undefined,
      ),
    )
    .orderBy(sql`lower(${users.email})`)
    .limit(page.limit + 1);
}

export async function insertEmailToken(
  db: DbOrTx,
  values: { tokenHash: string; userId: string; purpose: EmailTokenPurpose; expiresAt: string },
): Promise<void> {
  await db.insert(emailTokens).values(values);
}

/** An unused, unexpired token of this purpose: what both using a token and looking its account up require. */
const isUsableToken = (tokenHash: string, purpose: EmailTokenPurpose) =>
  and(
    eq(emailTokens.tokenHash, tokenHash),
    eq(emailTokens.purpose, purpose),
    sql`${emailTokens.usedAt} IS NULL`,
    gt(emailTokens.expiresAt, sql`now()`),
  );

/**
 * Uses a token once, atomically: only an unused, unexpired token of this purpose is marked used, so two concurrent
 * uses cannot both succeed. Answers its user, or null (unknown, used, expired or of another purpose).
 */
export async function consumeEmailToken(db: DbOrTx, tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(isUsableToken(tokenHash, purpose))
    .returning({ userId: emailTokens.userId });
  return row?.userId ?? null;
}

/** The account a usable token (unused, unexpired, of this purpose) belongs to; a plain read, nothing is locked. */
export async function findEmailTokenUser(db: DbOrTx, tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
  const [row] = await db
    .select({ userId: emailTokens.userId })
    .from(emailTokens)
    .where(isUsableToken(tokenHash, purpose))
    .limit(1);
  return row?.userId ?? null;
}

/** Spends every outstanding e-mail link of an account, sign-in links and resets alike; answers how many. */
export async function spendEmailTokens(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(emailTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(emailTokens.userId, userId), sql`${emailTokens.usedAt} IS NULL`))
    .returning({ id: emailTokens.id });
  return rows.length;
}

/**
 * Locks an account's row until the end of the transaction. What changes an account's credentials or uses its links
 * takes this lock first, then touches its tokens and sessions: concurrent uses of two links of one account wait for
 * each other instead of deadlocking on each other's tokens.
 */
export async function lockUser(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  return rows.length > 0;
}

/** Deletes a user's sessions, all or all but one; answers the ids of those deleted (their sockets are then closed). */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptSessionId: string | null): Promise<string[]> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined))
    .returning({ id: sessions.id });
  return rows.map((row) => row.id);
}

/** Deletes one session only if it belongs to the user. */
export async function deleteUserSession(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** A user's live sessions, most recently used first, keyset on (last_seen_at, id). Answers `limit + 1` rows. */
export async function listUserSessions(db: DbOrTx, userId: string, page: { limit: number; after: TimestampCursor | null }) {
  const after = page.after;
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      at: sql<string>`${sessions.lastSeenAt}::text`,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.expiresAt, sql`now()`),
        after
          ? or(
              lt(sessions.lastSeenAt, sql`${after.at}::timestamptz`),
              and(eq(sessions.lastSeenAt, sql`${after.at}::timestamptz`), gt(sessions.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), asc(sessions.id))
    .limit(page.limit + 1);
}

const PURGE_BATCH = 5_000;

/** Deletes in batches (short transactions, no long lock), until nothing is left; answers how many rows went. */
async function deleteInBatches(db: DbOrTx, deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deleteBatch();
    total += n;
    if (n < PURGE_BATCH) return total;
  }
}

/** `onDeleted` hears each committed batch's session ids (their open sockets are then closed). */
export async function purgeExpiredSessions(db: DbOrTx, onDeleted: (sessionIds: string[]) => void = () => {}): Promise<number> {
  return deleteInBatches(db, async () => {
    const rows = await db
      .delete(sessions)
      .where(sql`${sessions.id} IN (SELECT id FROM sessions WHERE expires_at < now() LIMIT ${PURGE_BATCH})`)
      .returning({ id: sessions.id });
    if (rows.length > 0) onDeleted(rows.map((r) => r.id));
    return rows.length;
  });
}

/** Used tokens are kept for a day (a second click on a link still finds it "used"), expired ones go at once. */
export async function purgeEmailTokens(db: DbOrTx): Promise<number> {
  return deleteInBatches(db, async () => {
    const rows = await db
      .delete(emailTokens)
      .where(
        sql`${emailTokens.id} IN (SELECT id FROM email_tokens WHERE expires_at < now() OR used_at < now() - interval '1 day' LIMIT ${PURGE_BATCH})`,
      )
      .returning({ id: emailTokens.id });
    return rows.length;
  });
}

/** Whether an insert or update failed because the address is taken (case-insensitively). Drizzle wraps the driver's error. */
export function isEmailTakenError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505") return constraint === USERS_EMAIL_KEY;
  }
  return false;
}

// ——— Avatar (used by avatar.service.ts; added by the storage/real-time helper) ———

/** Points the user at a new avatar key (or none) under their row lock; returns the previous key, undefined if no such user. */
export async function swapUserAvatarKey(db: DbOrTx, userId: string, avatarKey: string | null): Promise<string | null | undefined> {
  const [current] = await db.select({ avatarKey: users.avatarKey }).from(users).where(eq(users.id, userId)).limit(1).for("no key update");
  if (!current) return undefined;
  await db.update(users).set({ avatarKey, updatedAt: sql`now()` }).where(eq(users.id, userId));
  return current.avatarKey;
}

export async function findUserAvatarKey(db: DbOrTx, userId: string): Promise<string | null | undefined> {
  const [row] = await db.select({ avatarKey: users.avatarKey }).from(users).where(eq(users.id, userId)).limit(1);
  return row ? row.avatarKey : undefined;
}

/** Which of these storage keys a user's avatar still is (for the storage sweep). */
export async function listReferencedAvatarKeys(db: DbOrTx, keys: string[]): Promise<string[]> {
  const rows = await db
    .select({ avatarKey: users.avatarKey })
    .from(users)
    .where(sql`${users.avatarKey} = any(${sql.param(keys)}::text[])`);
  return rows.flatMap((r) => (r.avatarKey ? [r.avatarKey] : []));
}
