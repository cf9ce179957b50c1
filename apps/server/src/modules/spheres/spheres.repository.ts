import { and, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { associationRoles, type AssociationRole, type SphereVisibility } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { associationRoleOf } from "../associations/associations.public.js";
import type { SphereDirectoryScope } from "./spheres.policy.js";
import { afterNameCursor, foldedNameContains, type NameCursor } from "../../platform/db/name-search.js";
import { sphereJoinRequests, sphereMembers, spheres } from "./spheres.tables.js";

export type SphereRow = typeof spheres.$inferSelect;

const parents = alias(spheres, "parent");
const parentMemberships = alias(sphereMembers, "parent_membership");
const sortName = sql<string>`trame_fold(${spheres.name})`;

/** The directory's columns: the sphere, the actor's role in it and whether they asked to join. */
const summaryColumns = {
  id: spheres.id,
  name: spheres.name,
  description: spheres.description,
  visibility: spheres.visibility,
  parentId: spheres.parentId,
  memberCount: spheres.memberCount,
  archivedAt: spheres.archivedAt,
  myRole: sphereMembers.role,
  hasPendingRequest: sql<boolean>`(${sphereJoinRequests.id} IS NOT NULL)`,
};

// An actor without an account matches no membership: the nil uuid is never a user's id.
const NO_USER = "00000000-0000-0000-0000-000000000000";

// The association_id equality lets the planner use the (association_id, user_id) indexes on both sides.
const myMembership = (userId: string | null) =>
  and(
    eq(sphereMembers.sphereId, spheres.id),
    eq(sphereMembers.associationId, spheres.associationId),
    eq(sphereMembers.userId, userId ?? NO_USER),
  );
const myPendingRequest = (userId: string | null) =>
  and(
    eq(sphereJoinRequests.sphereId, spheres.id),
    eq(sphereJoinRequests.associationId, spheres.associationId),
    eq(sphereJoinRequests.userId, userId ?? NO_USER),
    eq(sphereJoinRequests.status, "pending"),
  );

/**
 * Which spheres a directory may show (see sphereDirectoryScope in spheres.policy.ts). Decided from the actor's
 * association role *before* the query and applied in SQL, so that a page is always full and secret spheres
 * never leave the database.
 */
export type DirectoryScope = SphereDirectoryScope;

export interface DirectoryQuery {
  associationId: string;
  /** null for a signed-out visitor. */
  userId: string | null;
  /**
   * The policy's scope for each association role the actor might hold (null: none). The statement looks the actor's
   * role up itself and applies that role's scope, so the directory costs one round trip, role lookup included.
   */
  scopeOf: (role: AssociationRole | null) => DirectoryScope;
  /**
   * The spheres each role may see at all (the full directory's scope, never `mine`): a row names its parent, and
   * `parentId` filters, only when the parent is one of them.
   */
  parentScopeOf: (role: AssociationRole | null) => DirectoryScope;
  q?: string;
  parentId?: string;
  includeArchived: boolean;
  after: NameCursor | null;
  limit: number;
}

/*
 * The sphere directory: one statement per page, keyset on (trame_fold(name), id) served by spheres_directory_idx
 * (association_id, trame_fold(name), id), the actor's role and pending request by LEFT JOINs (sphere_members by its
 * (association_id, user_id) index, join requests by the partial unique index of pending ones) — no per-row
 * queries, no count, no OFFSET. Secret spheres are filtered in the WHERE clause, so pages stay full and exact.
 *
 * EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL 15, generated dataset: 300 associations, one of them with 20,000 spheres
 * (1 in 10 secret), 50,000 members and 250,000 sphere memberships; 20 rows per page. Conclusion:
 * - browsing (member or admin, first page or the page at row 12,000): Limit → Nested Loop Left Join ×2 → Index Scan
 *   on spheres_directory_idx (Index Cond: association_id = … AND ROW(trame_fold(name), id) > ROW(…)): reads only the
 *   rows of the page (+ skipped secret ones), 0.2 ms of execution at any depth;
 * - `mine` and guests: the outer join becomes an inner join driven by sphere_members_association_user_idx, then a
 *   quicksort of the actor's own spheres: 0.1 ms, never touching the 20,000 others;
 * - search of 3+ characters: Bitmap Index Scan on spheres_name_trgm_idx, then a top-N heapsort of the matches:
 *   1 ms (one match) to 10–20 ms (1,500–2,000 matches, e.g. "ile", "tresorerie"), ~40 ms for a 3-letter term
 *   matching a quarter of all names. Left to itself the planner walked spheres_directory_idx in name order and
 *   filtered (37 ms for "ile", whose matches all sort late; a full scan when one late name matches): ordering by
 *   `trame_fold(name) || ''` (same order, same collation) takes that plan away;
 * - search of 1–2 characters (no trigram to use): the in-order walk stops after one page; fast when matches are
 *   common, a full pass over the association's spheres (~75 ms) when none match.
 */
function directoryFilter(
  scope: DirectoryScope,
  sphere: { visibility: SQLWrapper } = spheres,
  membership: { userId: SQLWrapper } = sphereMembers,
): SQL | undefined {
  switch (scope) {
    case "all":
      return undefined;
    case "visible":
      return sql`(${sphere.visibility} <> 'secret' OR ${membership.userId} IS NOT NULL)`;
    case "mineOrPublic":
      return sql`(${sphere.visibility} = 'public' OR ${membership.userId} IS NOT NULL)`;
    // Outside the association, a sphere membership left behind would not count (canSeeSphere): visibility only.
    case "public":
      return sql`${sphere.visibility} = 'public'`;
    case "mine":
      return sql`${membership.userId} IS NOT NULL`;
    case "none":
      return sql`false`;
  }
}

/*
 * The public directory (`public` scope: people outside the association) is the same statement, filtered on
 * visibility without a dedicated index. EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL 15, one association of 20,000
 * spheres, first page of 20: with 1 in 100 public, an Index Scan on spheres_directory_idx reading ~2,400 entries
 * to fill the page (0.8 ms); with 8 public spheres in all, a scan of the association's rows then a sort of the 8
 * (1.8 ms). Not worth a partial index (and a migration) at these figures.
 */
export function listDirectoryRows(db: DbOrTx, query: DirectoryQuery) {
  // An uncorrelated scalar subquery: PostgreSQL runs it once per statement (an InitPlan), through the primary key.
  const myRole = query.userId ? associationRoleOf(query.associationId, query.userId) : sql`NULL::text`;
  const byRole = (scopeOf: DirectoryQuery["scopeOf"], pick: (scope: DirectoryScope) => SQL) =>
    sql`(CASE ${myRole} ${sql.join(
      associationRoles.map((role) => sql`WHEN ${role} THEN ${pick(scopeOf(role))}`),
      sql` `,
    )} ELSE ${pick(scopeOf(null))} END)`;
  const visibility = byRole(query.scopeOf, (scope) => directoryFilter(scope) ?? sql`true`);
  // The parent as the actor may see it (canSeeSphere, through the same scopes), or nothing: a secret parent's id
  // never reaches an ordinary member by the rows of its open children. Looked up by primary key, per row for the
  // `parentId` column (correlated), once per statement for the `parentId` filter (uncorrelated: an InitPlan).
  const visibleParent = (parentId: SQL | typeof spheres.parentId | string) =>
    db
      .select({ id: parents.id })
      .from(parents)
      .leftJoin(
        parentMemberships,
        and(
          eq(parentMemberships.sphereId, parents.id),
          eq(parentMemberships.associationId, parents.associationId),
          eq(parentMemberships.userId, query.userId ?? NO_USER),
        ),
      )
      .where(
        and(
          eq(parents.id, parentId),
          eq(parents.associationId, query.associationId),
          byRole(query.parentScopeOf, (scope) => directoryFilter(scope, parents, parentMemberships) ?? sql`true`),
        ),
      );
  const parentId = sql<string | null>`(${visibleParent(spheres.parentId)})`;
  // See the EXPLAIN notes above: a search of 3+ characters sorts its (trigram-found) matches instead of walking
  // the directory index in name order. `|| ''` changes neither the order nor the collation, only the plan.
  const searching = (query.q?.trim().length ?? 0) >= 3;
  const order = searching ? sql<string>`(trame_fold(${spheres.name}) || '')` : sortName;
  return db
    .select({ ...summaryColumns, parentId, sortName })
    .from(spheres)
    .leftJoin(sphereMembers, myMembership(query.userId))
    .leftJoin(sphereJoinRequests, myPendingRequest(query.userId))
    .where(
      and(
        eq(spheres.associationId, query.associationId),
        visibility,
        query.includeArchived ? undefined : isNull(spheres.archivedAt),
        // A parent the actor may not see filters exactly as an unknown id: nothing matches.
        query.parentId ? eq(spheres.parentId, sql`(${visibleParent(query.parentId)})`) : undefined,
        foldedNameContains(spheres.name, query.q),
        afterNameCursor(spheres.name, spheres.id, query.after),
      ),
    )
    .orderBy(order, spheres.id)
    .limit(query.limit + 1);
}

export type SphereDetailRow = Awaited<ReturnType<typeof findSphereDetail>> & {};

/**
 * One sphere of one association, with the actor's role and pending request, and its parent's name, visibility and
 * the actor's role there (the policy decides whether the parent may be named to this actor).
 */
export async function findSphereDetail(db: DbOrTx, associationId: string, sphereId: string, userId: string | null) {
  const [row] = await db
    .select({
      ...summaryColumns,
      myPendingRequestId: sphereJoinRequests.id,
      associationId: spheres.associationId,
      createdAt: spheres.createdAt,
      parentName: parents.name,
      parentVisibility: parents.visibility,
      parentMyRole: parentMemberships.role,
    })
    .from(spheres)
    .leftJoin(sphereMembers, myMembership(userId))
    .leftJoin(sphereJoinRequests, myPendingRequest(userId))
    .leftJoin(parents, and(eq(parents.id, spheres.parentId), eq(parents.associationId, spheres.associationId)))
    .leftJoin(
      parentMemberships,
      and(
        eq(parentMemberships.sphereId, parents.id),
        eq(parentMemberships.associationId, spheres.associationId),
        eq(parentMemberships.userId, userId ?? NO_USER),
      ),
    )
    .where(and(eq(spheres.id, sphereId), eq(spheres.associationId, associationId)))
    .limit(1);
  return row ?? null;
}

export async function findSphere(db: DbOrTx, associationId: string, sphereId: string): Promise<SphereRow | null> {
  const [row] = await db
    .select()
    .from(spheres)
    .where(and(eq(spheres.id, sphereId), eq(spheres.associationId, associationId)))
    .limit(1);
  return row ?? null;
}

/**
 * Takes the sphere's row lock: membership changes of one sphere run one after the other (last manager, counts).
 * FOR NO KEY UPDATE, like every row lock we take (docs/ARCHITECTURE.md, "Transactions and locks"): it serialises
 * the writers of the sphere without blocking the foreign-key checks of rows that merely reference it.
 */
export async function lockSphere(db: DbOrTx, associationId: string, sphereId: string): Promise<SphereRow | null> {
  const [row] = await db
    .select()
    .from(spheres)
    .where(and(eq(spheres.id, sphereId), eq(spheres.associationId, associationId)))
    .limit(1)
    .for("no key update");
  return row ?? null;
}

export async function hasPublicSphere(db: DbOrTx, associationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: spheres.id })
    .from(spheres)
    .where(and(eq(spheres.associationId, associationId), eq(spheres.visibility, "public")))
    .limit(1);
  return row !== undefined;
}

export async function insertSphere(
  db: DbOrTx,
  values: { associationId: string; name: string; description: string; visibility: SphereVisibility; parentId: string | null; createdBy: string | null },
): Promise<SphereRow> {
  const [row] = await db.insert(spheres).values(values).returning();
  return row!;
}

export async function updateSphereRow(
  db: DbOrTx,
  associationId: string,
  sphereId: string,
  values: { name?: string; description?: string; visibility?: SphereVisibility; archivedAt?: SQL | null },
): Promise<void> {
  await db
    .update(spheres)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(spheres.id, sphereId), eq(spheres.associationId, associationId)));
}

export async function deleteSphereRow(db: DbOrTx, associationId: string, sphereId: string): Promise<void> {
  await db.delete(spheres).where(and(eq(spheres.id, sphereId), eq(spheres.associationId, associationId)));
}

/** member_count moves with memberships, in their transaction: the directory never counts rows. */
export async function adjustMemberCounts(db: DbOrTx, associationId: string, sphereIds: string[], delta: number): Promise<void> {
  if (sphereIds.length === 0 || delta === 0) return;
  await db
    .update(spheres)
    .set({ memberCount: sql`${spheres.memberCount} + ${delta}` })
    .where(and(eq(spheres.associationId, associationId), inArray(spheres.id, sphereIds)));
}

/**
 * Locks every sphere of the association this person belongs to, in id order (the lock order between spheres), before
 * their memberships are removed: the last-manager check and the member counts then see no concurrent change.
 */
export async function lockSpheresOfMember(db: DbOrTx, associationId: string, userId: string): Promise<void> {
  const theirs = db
    .select({ sphereId: sphereMembers.sphereId })
    .from(sphereMembers)
    .where(and(eq(sphereMembers.associationId, associationId), eq(sphereMembers.userId, userId)));
  await db
    .select({ id: spheres.id })
    .from(spheres)
    .where(and(eq(spheres.associationId, associationId), inArray(spheres.id, theirs)))
    .orderBy(spheres.id)
    .for("no key update");
}

/** The association a sphere belongs to (for callers that only hold a sphere id, like the real-time hub). */
export async function findSphereAssociationId(db: DbOrTx, sphereId: string): Promise<string | null> {
  const [row] = await db.select({ associationId: spheres.associationId }).from(spheres).where(eq(spheres.id, sphereId)).limit(1);
  return row?.associationId ?? null;
}
