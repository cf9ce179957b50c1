import { sql } from "drizzle-orm";
import type { AssociationRole, Language, SphereRole } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
import { isoFromPgTimestamp } from "../../platform/db/raw-timestamp.js";

/*
 * Reads across modules by join (users, memberships, spheres, requests): notices only read, never write those
 * tables (see "Deviations" in docs/ARCHITECTURE.md). Every statement filters on the association.
 */

const roleList = (roles: readonly string[]) => sql.join(roles.map((r) => sql`${r}`), sql`, `);

export interface NoticeRecipient {
  userId: string;
  email: string;
  displayName: string;
  language: Language;
  /** Their sphere role where it reviews the sphere; null for association admins reviewing every sphere. */
  sphereRole: SphereRole | null;
}

/**
 * Who reviews one sphere's join requests: members of the association whose sphere role reviews, and the
 * association's admins (who review every sphere). One statement.
 */
export async function listSphereReviewers(
  db: DbOrTx,
  associationId: string,
  sphereId: string,
  roles: { sphere: readonly SphereRole[]; association: readonly AssociationRole[] },
): Promise<NoticeRecipient[]> {
  const result = await db.execute<{ user_id: string; email: string; display_name: string; language: Language; sphere_role: SphereRole | null }>(sql`
    SELECT u.id AS user_id, u.email, u.display_name, u.language,
           CASE WHEN sm.role IN (${roleList(roles.sphere)}) THEN sm.role END AS sphere_role
    FROM association_members am
    JOIN users u ON u.id = am.user_id
    LEFT JOIN sphere_members sm ON sm.sphere_id = ${sphereId} AND sm.association_id = am.association_id AND sm.user_id = am.user_id
    WHERE am.association_id = ${associationId}
      AND (am.role IN (${roleList(roles.association)}) OR sm.role IN (${roleList(roles.sphere)}))
    ORDER BY u.id`);
  return result.rows.map((r) => ({ userId: r.user_id, email: r.email, displayName: r.display_name, language: r.language, sphereRole: r.sphere_role }));
}

/** Members of the association whose role reviews sphere creation requests. */
export async function listAssociationReviewers(db: DbOrTx, associationId: string, roles: readonly AssociationRole[]): Promise<NoticeRecipient[]> {
  const result = await db.execute<{ user_id: string; email: string; display_name: string; language: Language }>(sql`
    SELECT u.id AS user_id, u.email, u.display_name, u.language
    FROM association_members am
    JOIN users u ON u.id = am.user_id
    WHERE am.association_id = ${associationId} AND am.role IN (${roleList(roles)})
    ORDER BY u.id`);
  return result.rows.map((r) => ({ userId: r.user_id, email: r.email, displayName: r.display_name, language: r.language, sphereRole: null }));
}

export interface PersonRow {
  userId: string;
  email: string;
  displayName: string;
  language: Language;
}

export async function findPerson(db: DbOrTx, userId: string): Promise<PersonRow | null> {
  const result = await db.execute<{ id: string; email: string; display_name: string; language: Language }>(
    sql`SELECT id, email, display_name, language FROM users WHERE id = ${userId}`,
  );
  const r = result.rows[0];
  return r ? { userId: r.id, email: r.email, displayName: r.display_name, language: r.language } : null;
}

/** What a join-request mail names: the sphere, the association (for links), the requester. */
export async function findJoinRequestNotice(db: DbOrTx, associationId: string, requestId: string) {
  const result = await db.execute<{
    sphere_id: string;
    sphere_name: string;
    association_name: string;
    slug: string;
    user_id: string;
    requester_name: string;
  }>(sql`
    SELECT r.sphere_id, s.name AS sphere_name, a.name AS association_name, a.slug, r.user_id, u.display_name AS requester_name
    FROM sphere_join_requests r
    JOIN spheres s ON s.id = r.sphere_id AND s.association_id = r.association_id
    JOIN associations a ON a.id = r.association_id
    JOIN users u ON u.id = r.user_id
    WHERE r.association_id = ${associationId} AND r.id = ${requestId}`);
  const r = result.rows[0];
  return r
    ? { sphereId: r.sphere_id, sphereName: r.sphere_name, associationName: r.association_name, slug: r.slug, userId: r.user_id, requesterName: r.requester_name }
    : null;
}

/** What a creation-request mail names: the sphere asked for, the association, the requester. */
export async function findCreationRequestNotice(db: DbOrTx, associationId: string, requestId: string) {
  const result = await db.execute<{ name: string; association_name: string; slug: string; requested_by: string; requester_name: string }>(sql`
    SELECT c.name, a.name AS association_name, a.slug, c.requested_by, u.display_name AS requester_name
    FROM sphere_creation_requests c
    JOIN associations a ON a.id = c.association_id
    JOIN users u ON u.id = c.requested_by
    WHERE c.association_id = ${associationId} AND c.id = ${requestId}`);
  const r = result.rows[0];
  return r
    ? { sphereName: r.name, associationName: r.association_name, slug: r.slug, userId: r.requested_by, requesterName: r.requester_name }
    : null;
}

/**
 * The pending counts of one reviewer, in one statement: pending join requests per sphere they review (every
 * non-archived sphere for admins, else those where their sphere role reviews), the most waited-for first, and
 * pending sphere creation requests when they review those. Pending requests are few: the partial unique index on
 * pending requests bounds the scan.
 */
export async function countPendingReviews(
  db: DbOrTx,
  associationId: string,
  scope: { userId: string | null; allSpheres: boolean; creationRequests: boolean; sphereRoles: readonly SphereRole[]; listed: number },
) {
  const reviews = scope.allSpheres
    ? sql`TRUE`
    : scope.userId
      ? sql`EXISTS (SELECT 1 FROM sphere_members m WHERE m.sphere_id = r.sphere_id AND m.association_id = r.association_id
                    AND m.user_id = ${scope.userId} AND m.role IN (${roleList(scope.sphereRoles)}))`
      : sql`FALSE`;
  const result = await db.execute<{ join_total: number; spheres: Array<{ sphereId: string; sphereName: string; count: number }>; creation_total: number }>(sql`
    WITH per_sphere AS (
      SELECT r.sphere_id, s.name, count(*)::int AS n
      FROM sphere_join_requests r
      JOIN spheres s ON s.id = r.sphere_id AND s.association_id = r.association_id
      WHERE r.association_id = ${associationId} AND r.status = 'pending' AND s.archived_at IS NULL AND ${reviews}
      GROUP BY r.sphere_id, s.name
    )
    SELECT
      (SELECT coalesce(sum(n), 0)::int FROM per_sphere) AS join_total,
      (SELECT coalesce(json_agg(json_build_object('sphereId', t.sphere_id, 'sphereName', t.name, 'count', t.n) ORDER BY t.n DESC, t.name), '[]'::json)
         FROM (SELECT * FROM per_sphere ORDER BY n DESC, name LIMIT ${scope.listed}) t) AS spheres,
      (SELECT count(*)::int FROM sphere_creation_requests c
         WHERE c.association_id = ${associationId} AND c.status = 'pending' AND ${scope.creationRequests}) AS creation_total`);
  const row = result.rows[0]!;
  return { joinTotal: row.join_total, spheres: row.spheres, creationTotal: row.creation_total };
}

export interface MyRequestRow {
  kind: "join" | "creation";
  id: string;
  sphereId: string | null;
  sphereName: string;
  status: string;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** The person's own requests in the association: pending, or decided in the last `days` days; newest news first. */
export async function listMyRequestRows(db: DbOrTx, associationId: string, userId: string, days: number, limit: number): Promise<MyRequestRow[]> {
  const result = await db.execute<{
    kind: "join" | "creation";
    id: string;
    sphere_id: string | null;
    sphere_name: string;
    status: string;
    decision_reason: string | null;
    created_at: string;
    decided_at: string | null;
  }>(sql`
    SELECT * FROM (
      SELECT 'join' AS kind, r.id, r.sphere_id, s.name AS sphere_name, r.status, r.decision_reason, r.created_at, r.decided_at
      FROM sphere_join_requests r
      JOIN spheres s ON s.id = r.sphere_id AND s.association_id = r.association_id
      WHERE r.association_id = ${associationId} AND r.user_id = ${userId}
        AND (r.status = 'pending' OR (r.status IN ('approved', 'refused') AND r.decided_at > now() - make_interval(days => ${days})))
      UNION ALL
      SELECT 'creation' AS kind, c.id, coalesce(c.created_sphere_id, c.existing_sphere_id), c.name, c.status, c.decision_reason, c.created_at, c.decided_at
      FROM sphere_creation_requests c
      WHERE c.association_id = ${associationId} AND c.requested_by = ${userId}
        AND (c.status = 'pending' OR c.decided_at > now() - make_interval(days => ${days}))
    ) mine
    ORDER BY coalesce(decided_at, created_at) DESC, id
    LIMIT ${limit}`);
  return result.rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    sphereId: r.sphere_id,
    sphereName: r.sphere_name,
    status: r.status,
    decisionReason: r.decision_reason,
    createdAt: isoFromPgTimestamp(r.created_at),
    decidedAt: isoFromPgTimestamp(r.decided_at),
  }));
}
