import { and, count, eq, sql } from "drizzle-orm";
import type { SphereRole } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
// Display names are read by join: a page of members is one query, not one per member.
import { userProfiles } from "../accounts/accounts.public.js";
import { afterNameCursor, foldedNameContains, type NameCursor } from "../../platform/db/name-search.js";
import { sphereMembers } from "./spheres.tables.js";

export async function findSphereMembership(db: DbOrTx, sphereId: string, userId: string) {
  const [row] = await db
    .select({ role: sphereMembers.role })
    .from(sphereMembers)
    .where(and(eq(sphereMembers.sphereId, sphereId), eq(sphereMembers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Returns whether a row was inserted (false when they were already a member). */
export async function insertSphereMember(
  db: DbOrTx,
  values: { associationId: string; sphereId: string; userId: string; role: SphereRole },
): Promise<boolean> {
  const rows = await db.insert(sphereMembers).values(values).onConflictDoNothing().returning({ userId: sphereMembers.userId });
  return rows.length > 0;
}

export async function updateSphereMemberRole(db: DbOrTx, sphereId: string, userId: string, role: SphereRole): Promise<void> {
  await db
    .update(sphereMembers)
    .set({ role })
    .where(and(eq(sphereMembers.sphereId, sphereId), eq(sphereMembers.userId, userId)));
}

export async function deleteSphereMember(db: DbOrTx, sphereId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(sphereMembers)
    .where(and(eq(sphereMembers.sphereId, sphereId), eq(sphereMembers.userId, userId)))
    .returning({ userId: sphereMembers.userId });
  return rows.length > 0;
}

export async function countSphereManagers(db: DbOrTx, sphereId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sphereMembers)
    .where(and(eq(sphereMembers.sphereId, sphereId), eq(sphereMembers.role, "manager")));
  return row?.n ?? 0;
}

/** Spheres of the association where this person is the only manager (they cannot leave those). */
export async function listSpheresManagedOnlyBy(db: DbOrTx, associationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ sphereId: sphereMembers.sphereId })
    .from(sphereMembers)
    .where(
      and(
        eq(sphereMembers.associationId, associationId),
        eq(sphereMembers.userId, userId),
        eq(sphereMembers.role, "manager"),
        sql`NOT EXISTS (SELECT 1 FROM sphere_members o WHERE o.sphere_id = ${sphereMembers.sphereId}
              AND o.role = 'manager' AND o.user_id <> ${userId})`,
      ),
    );
  return rows.map((r) => r.sphereId);
}

/** Removes every sphere membership of a person in one association; returns the spheres they left. */
export async function deleteMembershipsOfUser(db: DbOrTx, associationId: string, userId: string): Promise<string[]> {
  const rows = await db
    .delete(sphereMembers)
    .where(and(eq(sphereMembers.associationId, associationId), eq(sphereMembers.userId, userId)))
    .returning({ sphereId: sphereMembers.sphereId });
  return rows.map((r) => r.sphereId);
}

const member = userProfiles("member");
const sortName = sql<string>`trame_fold(${member.displayName})`;

/** A page of a sphere's members by name, optionally searched. */
export async function listSphereMemberRows(
  db: DbOrTx,
  associationId: string,
  sphereId: string,
  page: { q?: string; after: NameCursor | null; limit: number },
) {
  return db
    .select({
      userId: member.id,
      displayName: member.displayName,
      avatarKey: member.avatarKey,
      role: sphereMembers.role,
      joinedAt: sphereMembers.joinedAt,
      sortName,
    })
    .from(sphereMembers)
    .innerJoin(member, eq(member.id, sphereMembers.userId))
    .where(
      and(
        eq(sphereMembers.associationId, associationId),
        eq(sphereMembers.sphereId, sphereId),
        foldedNameContains(member.displayName, page.q),
        afterNameCursor(member.displayName, member.id, page.after),
      ),
    )
    .orderBy(sortName, member.id)
    .limit(page.limit + 1);
}
