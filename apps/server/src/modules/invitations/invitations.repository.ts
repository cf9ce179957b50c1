import { and, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/transaction.js";
// Names and memberships are read by join, so that a page or a batch is one query: through the query pieces the
// other modules export (see docs/ARCHITECTURE.md, "Module boundaries").
import { userProfiles } from "../accounts/accounts.public.js";
import { associationMemberships, associationNames } from "../associations/associations.public.js";
import { exactTimestamp, olderThanCursor, type TimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { isSphereMember, sphereNames } from "../spheres/spheres.public.js";
import { invitationConfirmations, invitations } from "./invitations.tables.js";

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitation = typeof invitations.$inferInsert;

const inviters = userProfiles("inviter");
const people = userProfiles("person");
const memberships = associationMemberships("membership");
const association = associationNames("association");
const sphere = sphereNames("sphere");

export async function insertInvitations(db: DbOrTx, rows: NewInvitation[]): Promise<InvitationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(invitations).values(rows).returning();
}

/**
 * Of these addresses, those whose account is already in the association (and in the sphere, when one is given):
 * inviting them again would do nothing.
 */
export async function listAlreadyMemberEmails(db: DbOrTx, associationId: string, sphereId: string | null, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const lowered = emails.map((e) => e.toLowerCase());
  const rows = await db
    .select({ email: sql<string>`lower(${people.email})` })
    .from(people)
    .innerJoin(memberships, and(eq(memberships.userId, people.id), eq(memberships.associationId, associationId)))
    .where(
      and(
        inArray(sql`lower(${people.email})`, lowered),
        sphereId ? isSphereMember(sphereId, people.id) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.email));
}

/** An invitation of the association with the names shown in lists. */
const listColumns = {
  id: invitations.id,
  kind: invitations.kind,
  email: invitations.email,
  associationRole: invitations.associationRole,
  sphereId: invitations.sphereId,
  sphereName: sphere.name,
  sphereRole: invitations.sphereRole,
  invitedByName: inviters.displayName,
  expiresAt: invitations.expiresAt,
  maxUses: invitations.maxUses,
  useCount: invitations.useCount,
  revokedAt: invitations.revokedAt,
  createdAt: invitations.createdAt,
  cursorTime: exactTimestamp(invitations.createdAt),
};

/** Newest first, keyset on (created_at, id): served by invitations_association_created_idx. */
export async function listInvitationRows(
  db: DbOrTx,
  associationId: string,
  page: { sphereId?: string; after: TimestampCursor | null; limit: number },
) {
  const after = page.after;
  return db
    .select(listColumns)
    .from(invitations)
    .leftJoin(sphere, eq(sphere.id, invitations.sphereId))
    .leftJoin(inviters, eq(inviters.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.associationId, associationId),
        page.sphereId ? eq(invitations.sphereId, page.sphereId) : undefined,
        olderThanCursor(invitations.createdAt, invitations.id, after),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(page.limit + 1);
}

export async function findInvitation(db: DbOrTx, associationId: string, invitationId: string): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.associationId, associationId), eq(invitations.id, invitationId)))
    .limit(1);
  return row ?? null;
}

export async function revokeInvitationRow(db: DbOrTx, invitationId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.revokedAt)));
}

/** What the invitee sees: the invitation by its token, with the association's and sphere's names. */
export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  return findInvitationWithNames(db, eq(invitations.tokenHash, tokenHash));
}

/** The same, by id (an e-mailed confirmation knows its invitation by id). */
export async function findInvitationByIdWithNames(db: DbOrTx, invitationId: string) {
  return findInvitationWithNames(db, eq(invitations.id, invitationId));
}

async function findInvitationWithNames(db: DbOrTx, where: SQL) {
  const [row] = await db
    .select({
      invitation: invitations,
      associationName: association.name,
      associationSlug: association.slug,
      associationLanguage: association.language,
      sphereName: sphere.name,
      sphereArchivedAt: sphere.archivedAt,
      invitedByName: inviters.displayName,
    })
    .from(invitations)
    .innerJoin(association, eq(association.id, invitations.associationId))
    .leftJoin(sphere, eq(sphere.id, invitations.sphereId))
    .leftJoin(inviters, eq(inviters.id, invitations.invitedBy))
    .where(where)
    .limit(1);
  return row ?? null;
}

export const isUsable = (invitation: InvitationRow, now = Date.now()): boolean =>
  invitation.revokedAt === null &&
  Date.parse(invitation.expiresAt) > now &&
  (invitation.maxUses === null || invitation.useCount < invitation.maxUses);

/**
 * Counts one use, atomically: under concurrent accepts, the row lock and the re-checked conditions let exactly
 * `max_uses` of them through, and none after expiry or revocation. Returns false when the invitation is spent.
 */
export async function consumeInvitationUse(db: DbOrTx, invitationId: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ useCount: sql`${invitations.useCount} + 1` })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
        or(isNull(invitations.maxUses), lt(invitations.useCount, invitations.maxUses)),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Whether the person already has every membership the invitation would give. */
export async function hasInvitedMemberships(db: DbOrTx, invitation: InvitationRow, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.associationId, invitation.associationId),
        eq(memberships.userId, userId),
        invitation.sphereId ? isSphereMember(invitation.sphereId, userId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Invitations that can no longer be used (expired, or revoked) are kept 30 days for the administrators' list,
 * then deleted with the e-mail address they hold. Returns how many were deleted.
 */
export async function purgeStaleInvitations(db: DbOrTx): Promise<number> {
  const deleted = await db
    .delete(invitations)
    .where(
      or(
        lt(invitations.expiresAt, sql`now() - interval '30 days'`),
        lt(invitations.revokedAt, sql`now() - interval '30 days'`),
      ),
    )
    .returning({ id: invitations.id });
  return deleted.length;
}

export type InvitationConfirmationRow = typeof invitationConfirmations.$inferSelect;

export async function insertInvitationConfirmation(db: DbOrTx, values: typeof invitationConfirmations.$inferInsert): Promise<void> {
  await db.insert(invitationConfirmations).values(values);
}

/**
 * Uses a confirmation once, atomically: only an unused, unexpired one is marked used, so two concurrent uses cannot
 * both succeed. Answers it, or null.
 */
export async function consumeInvitationConfirmation(db: DbOrTx, tokenHash: string): Promise<InvitationConfirmationRow | null> {
  const [row] = await db
    .update(invitationConfirmations)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(invitationConfirmations.tokenHash, tokenHash),
        isNull(invitationConfirmations.usedAt),
        gt(invitationConfirmations.expiresAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

/** Confirmations expired, or used a day ago, go with the address and the password hash they hold. */
export async function purgeInvitationConfirmations(db: DbOrTx): Promise<number> {
  const deleted = await db
    .delete(invitationConfirmations)
    .where(
      or(
        lt(invitationConfirmations.expiresAt, sql`now()`),
        lt(invitationConfirmations.usedAt, sql`now() - interval '1 day'`),
      ),
    )
    .returning({ id: invitationConfirmations.id });
  return deleted.length;
}
