import { and, desc, eq, sql } from "drizzle-orm";
import type { AssociationRole } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { associationMembers, associations, charterVersions } from "./associations.tables.js";
import { afterNameCursor, foldedNameContains, type NameCursor } from "../../platform/db/name-search.js";

export type AssociationRow = typeof associations.$inferSelect;
export type NewAssociation = typeof associations.$inferInsert;

export interface AssociationWithRole {
  association: AssociationRow;
  myRole: AssociationRole | null;
  charterVersion: number | null;
}

/** One query: the association, the actor's role in it, and its current charter version. */
export async function findAssociationWithRole(
  db: DbOrTx,
  where: { id: string } | { slug: string },
  userId: string | null,
): Promise<AssociationWithRole | null> {
  const [row] = await db
    .select({
      association: associations,
      myRole: associationMembers.role,
      charterVersion: sql<number | null>`(SELECT max(c.version) FROM charter_versions c WHERE c.association_id = ${associations.id})`,
    })
    .from(associations)
    .leftJoin(
      associationMembers,
      and(
        eq(associationMembers.associationId, associations.id),
        userId ? eq(associationMembers.userId, userId) : sql`false`,
      ),
    )
    .where("id" in where ? eq(associations.id, where.id) : eq(associations.slug, where.slug))
    .limit(1);
  return row ?? null;
}

export async function findAssociationById(db: DbOrTx, id: string): Promise<AssociationRow | null> {
  const [row] = await db.select().from(associations).where(eq(associations.id, id)).limit(1);
  return row ?? null;
}

/**
 * Takes the association's row lock: serialises changes of its members' roles, owners and charter versions. FOR NO
 * KEY UPDATE (docs/ARCHITECTURE.md, "Transactions and locks"): FOR UPDATE would also block the foreign-key check of
 * every row inserted meanwhile that references the association, and deadlock with the sphere locks of those inserts.
 */
export async function lockAssociation(db: DbOrTx, id: string): Promise<AssociationRow | null> {
  const [row] = await db.select().from(associations).where(eq(associations.id, id)).limit(1).for("no key update");
  return row ?? null;
}

/**
 * Holds the association still (FOR SHARE) while one of its spheres changes: changes of the association's members,
 * roles and settings wait for it (and it for them), changes of other spheres do not. A sphere's change then sees
 * who belongs to the association as it will be at its commit.
 */
export async function holdAssociation(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: associations.id }).from(associations).where(eq(associations.id, id)).limit(1).for("share");
}

export async function insertAssociation(db: DbOrTx, values: NewAssociation): Promise<AssociationRow> {
  const [row] = await db.insert(associations).values(values).returning();
  return row!;
}

export async function updateAssociationRow(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<NewAssociation, "name" | "language" | "timeZone" | "primaryColor" | "accentColor" | "enabledModules" | "sphereCreationPolicy">>,
): Promise<void> {
  await db
    .update(associations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(associations.id, id));
}

export async function findCurrentCharter(db: DbOrTx, associationId: string) {
  const [row] = await db
    .select({ version: charterVersions.version, body: charterVersions.body, createdAt: charterVersions.createdAt })
    .from(charterVersions)
    .where(eq(charterVersions.associationId, associationId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return row ?? null;
}

/** The next version number; call with the association locked so that two publications never collide. */
export async function insertCharterVersion(db: DbOrTx, associationId: string, body: string, createdBy: string | null) {
  const [row] = await db
    .insert(charterVersions)
    .values({
      associationId,
      body,
      createdBy,
      version: sql`(SELECT coalesce(max(c.version), 0) + 1 FROM charter_versions c WHERE c.association_id = ${associationId})`,
    })
    .returning({ version: charterVersions.version, body: charterVersions.body, createdAt: charterVersions.createdAt });
  return row!;
}

const sortName = sql<string>`trame_fold(${associations.name})`;

/** The associations a person belongs to, by name. */
export async function listAssociationsOfUser(db: DbOrTx, userId: string, page: { after: NameCursor | null; limit: number }) {
  return db
    .select({
      id: associations.id,
      name: associations.name,
      slug: associations.slug,
      logoKey: associations.logoKey,
      role: associationMembers.role,
      sortName,
    })
    .from(associationMembers)
    .innerJoin(associations, eq(associations.id, associationMembers.associationId))
    .where(and(eq(associationMembers.userId, userId), afterNameCursor(associations.name, associations.id, page.after)))
    .orderBy(sortName, associations.id)
    .limit(page.limit + 1);
}

/** Every association of the instance (instance administration), with its member count. */
export async function listAssociationsWithCounts(db: DbOrTx, page: { q?: string; after: NameCursor | null; limit: number }) {
  return db
    .select({
      id: associations.id,
      name: associations.name,
      slug: associations.slug,
      parentId: associations.parentId,
      createdAt: associations.createdAt,
      memberCount: sql<number>`(SELECT count(*)::int FROM association_members m WHERE m.association_id = ${associations.id})`,
      sortName,
    })
    .from(associations)
    .where(and(foldedNameContains(associations.name, page.q), afterNameCursor(associations.name, associations.id, page.after)))
    .orderBy(sortName, associations.id)
    .limit(page.limit + 1);
}

// ——— Logo (used by association-logo.service.ts; added by the storage/real-time helper) ———

/**
 * Points the association at a new logo key (or none) under its row lock, and returns the key it held before;
 * undefined when the association does not exist.
 */
export async function swapAssociationLogoKey(db: DbOrTx, associationId: string, logoKey: string | null): Promise<string | null | undefined> {
  const [current] = await db
    .select({ logoKey: associations.logoKey })
    .from(associations)
    .where(eq(associations.id, associationId))
    .limit(1)
    .for("no key update");
  if (!current) return undefined;
  await db.update(associations).set({ logoKey, updatedAt: sql`now()` }).where(eq(associations.id, associationId));
  return current.logoKey;
}

export async function findAssociationLogoKey(db: DbOrTx, associationId: string): Promise<string | null | undefined> {
  const [row] = await db.select({ logoKey: associations.logoKey }).from(associations).where(eq(associations.id, associationId)).limit(1);
  return row ? row.logoKey : undefined;
}

/** Which of these storage keys an association's logo still is. Across associations: it serves the storage sweep. */
export async function listReferencedLogoKeys(db: DbOrTx, keys: string[]): Promise<string[]> {
  const rows = await db
    .select({ logoKey: associations.logoKey })
    .from(associations)
    .where(sql`${associations.logoKey} = any(${sql.param(keys)}::text[])`);
  return rows.flatMap((r) => (r.logoKey ? [r.logoKey] : []));
}
