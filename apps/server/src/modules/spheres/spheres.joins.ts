import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { sphereMembers, spheres } from "./spheres.tables.js";

// What other modules' repositories may join or embed of spheres, so that a read stays one statement
// (docs/ARCHITECTURE.md, "Module boundaries"). Read only; PostgreSQL inlines these subqueries.

const query = new QueryBuilder();

/** A sphere as other modules name it beside their rows (an invitation's sphere), joined on `id`. */
export const sphereNames = (as: string) =>
  query.select({ id: spheres.id, name: spheres.name, archivedAt: spheres.archivedAt }).from(spheres).as(as);

/** Whether the person belongs to the sphere, for a WHERE clause; `userId` may be a column of the statement. */
export const isSphereMember = (sphereId: string, userId: string | SQLWrapper): SQL =>
  sql`EXISTS (SELECT 1 FROM ${sphereMembers} sm WHERE sm.sphere_id = ${sphereId} AND sm.user_id = ${userId})`;
