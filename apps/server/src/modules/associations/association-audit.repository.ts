import { sql, type SQL } from "drizzle-orm";
import type { AuditFilter } from "@trame/contracts";
import type { DbOrTx } from "../../platform/db/transaction.js";
import type { TimestampCursor } from "../../platform/db/timestamp-cursor.js";
import { isoFromPgTimestamp } from "../../platform/db/raw-timestamp.js";

/*
 * The audit log as people read it: each record with the names it talks about, resolved in the one statement of
 * the page by joins (users for the actor and the target person, spheres for "where"), keyset on (created_at, id)
 * along the index (association_id, created_at DESC, id). Names are read across modules by join (see
 * docs/ARCHITECTURE.md, "Deviations"). The target person is the member concerned (`target_type = 'user'`) or the
 * requester of a request; the sphere is the target itself or the `sphereId` (or created / pointed-to sphere) of the
 * record's data, and a deleted sphere keeps the name its record saved.
 */

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetUserId: string | null;
  targetName: string | null;
  sphereId: string | null;
  sphereName: string | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** The filters as SQL conditions on `a` (audit_log); days are whole days in the association's time zone. */
function filterConditions(filter: AuditFilter, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  if (filter.action) conditions.push(sql`a.action = ${filter.action}`);
  if (filter.actorId) conditions.push(sql`a.actor_id = ${filter.actorId}::uuid`);
  if (filter.from) conditions.push(sql`a.created_at >= (${filter.from}::date::timestamp AT TIME ZONE ${timeZone})`);
  if (filter.to) conditions.push(sql`a.created_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  return conditions;
}

export async function listAuditEntries(
  db: DbOrTx,
  associationId: string,
  page: { filter: AuditFilter; timeZone: string; after: TimestampCursor | null; limit: number },
): Promise<AuditRow[]> {
  const conditions = [
    sql`a.association_id = ${associationId}::uuid`,
    ...filterConditions(page.filter, page.timeZone),
    // A row comparison on the microsecond value: rows of the same millisecond are neither skipped nor repeated.
    ...(page.after ? [sql`(a.created_at, a.id) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`] : []),
  ];
  const result = await db.execute<{
    id: string;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    target_user_id: string | null;
    target_name: string | null;
    sphere_id: string | null;
    sphere_name: string | null;
    data: Record<string, unknown>;
    created_at: string;
  }>(sql`
    SELECT a.id, a.created_at::text AS at, a.actor_id, actor.display_name AS actor_name, a.action, a.target_type, a.target_id,
           target.id AS target_user_id, target.display_name AS target_name,
           s.id AS sphere_id,
           coalesce(s.name, CASE WHEN a.target_type = 'sphere' THEN a.data->>'name' END) AS sphere_name,
           a.data, a.created_at
    FROM audit_log a
    LEFT JOIN users actor ON actor.id = a.actor_id
    LEFT JOIN users target ON target.id = (CASE a.target_type
        WHEN 'user' THEN a.target_id
        WHEN 'sphereJoinRequest' THEN a.data->>'userId'
        WHEN 'sphereCreationRequest' THEN a.data->>'requestedBy'
      END)::uuid
    LEFT JOIN spheres s ON s.association_id = a.association_id AND s.id = (CASE a.target_type
        WHEN 'sphere' THEN a.target_id
        ELSE coalesce(a.data->>'sphereId', a.data->>'createdSphereId', a.data->>'existingSphereId')
      END)::uuid
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT ${page.limit + 1}`);
  return result.rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetUserId: r.target_user_id,
    targetName: r.target_name,
    sphereId: r.sphere_id,
    sphereName: r.sphere_name,
    data: r.data,
    createdAt: isoFromPgTimestamp(r.created_at),
  }));
}
