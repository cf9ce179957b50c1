import { and, count, eq, sql } from "drizzle-orm";
import type { AssociationRole } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
// Display names and e-mails are read by join: a page of members is one query, not one per member.
import { userProfiles } from "../accounts/accounts.public.js";
import { associationMembers } from "./associations.tables.js";
import { afterNameCursor, foldedNameContains, type NameCursor } from "../../platform/db/name-search.js";

export async function findAssociationMembership(db: DbOrTx, associationId: string, userId: string) {
  const [row] = await db
    .select({ role: associationMembers.role, joinedAt: associationMembers.joinedAt })
    .from(associationMembers)
    .where(and(eq(associationMembers.associationId, associationId), eq(associationMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Inserts the membership, or leaves an existing one as it is. Returns whether a row was inserted. */
export async function insertAssociationMember(db: DbOrTx, associationId: string, userId: string, role: AssociationRole): Promise<boolean> {
  const rows = await db
    .insert(associationMembers)
    .values({ associationId, userId, role })
    .onConflictDoNothing()
    .returning({ userId: associationMembers.userId });
  return rows.length > 0;
}

export async function updateAssociationMemberRole(db: DbOrTx, associationId: string, userId: string, role: AssociationRole): Promise<void> {
  await db
    .update(associationMembers)
    .set({ role })
    .where(and(eq(associationMembers.associationId, associationId), eq(associationMembers.userId, userId)));
}

export async function deleteAssociationMember(db: DbOrTx, associationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(associationMembers)
    .where(and(eq(associationMembers.associationId, associationId), eq(associationMembers.userId, userId)))
    .returning({ userId: associationMembers.userId });
  return rows.length > 0;
}

export async function countAssociationOwners(db: DbOrTx, associationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(associationMembers)
    .where(and(eq(associationMembers.associationId, associationId), eq(associationMembers.role, "owner")));
  return row?.n ?? 0;
}

const member = userProfiles("member");
const sortName = sql<string>`trame_fold(${member.displayName})`;

const memberColumns = {
  userId: member.id,
  displayName: member.displayName,
  email: member.email,
  avatarKey: member.avatarKey,
  role: associationMembers.role,
  joinedAt: associationMembers.joinedAt,
  sortName,
};

export type AssociationMemberRow = { userId: string; displayName: string; email: string; avatarKey: string | null; role: AssociationRole; joinedAt: string; sortName: string };

/** A page of members by name, optionally searched (trigram index on trame_fold(display_name)) and of one role. */
export async function listAssociationMemberRows(
  db: DbOrTx,
  associationId: string,
  page: { q?: string; role?: AssociationRole; after: NameCursor | null; limit: number },
): Promise<AssociationMemberRow[]> {
  return db
    .select(memberColumns)
    .from(associationMembers)
    .innerJoin(member, eq(member.id, associationMembers.userId))
    .where(
      and(
        eq(associationMembers.associationId, associationId),
        foldedNameContains(member.displayName, page.q),
        page.role ? eq(associationMembers.role, page.role) : undefined,
        afterNameCursor(member.displayName, member.id, page.after),
      ),
    )
    .orderBy(sortName, member.id)
    .limit(page.limit + 1);
}

export async function findAssociationMemberRow(db: DbOrTx, associationId: string, userId: string): Promise<AssociationMemberRow | null> {
  const [row] = await db
    .select(memberColumns)
    .from(associationMembers)
    .innerJoin(member, eq(member.id, associationMembers.userId))
    .where(and(eq(associationMembers.associationId, associationId), eq(associationMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}
