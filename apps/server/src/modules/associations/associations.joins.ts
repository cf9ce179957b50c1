import { sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { associationMembers, associations } from "./associations.tables.js";

// What other modules' repositories may join or embed of associations, so that a read stays one statement
// (docs/ARCHITECTURE.md, "Module boundaries"). Read only; PostgreSQL inlines these subqueries.

const query = new QueryBuilder();

/** An association as other modules name it beside their rows (an invitation's association), joined on `id`. */
export const associationNames = (as: string) =>
  query
    .select({ id: associations.id, name: associations.name, slug: associations.slug, language: associations.language })
    .from(associations)
    .as(as);

/** Who belongs to which association, with which role: joined on (`associationId`, `userId`). */
export const associationMemberships = (as: string) =>
  query
    .select({ associationId: associationMembers.associationId, userId: associationMembers.userId, role: associationMembers.role })
    .from(associationMembers)
    .as(as);

/**
 * The person's role in the association, or NULL. An uncorrelated scalar subquery: PostgreSQL runs it once per
 * statement (an InitPlan), through the primary key.
 */
export const associationRoleOf = (associationId: string, userId: string): SQL =>
  sql`(SELECT am.role FROM ${associationMembers} am WHERE am.association_id = ${associationId} AND am.user_id = ${userId})`;
